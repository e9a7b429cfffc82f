package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.LecunUniform(seed=None)}.
 */
public class LecunUniform extends VarianceScaling {
  public LecunUniform() {
    this(null);
  }

  public LecunUniform(Long seed) {
    super(1.0, "fan_in", "uniform", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }
}
