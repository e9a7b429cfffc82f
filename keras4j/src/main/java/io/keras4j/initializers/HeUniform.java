package io.keras4j.initializers;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.HeUniform(seed=None)}.
 */
public class HeUniform extends VarianceScaling {
  public HeUniform() {
    this(null);
  }

  public HeUniform(Long seed) {
    super(2.0, "fan_in", "uniform", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }
}
