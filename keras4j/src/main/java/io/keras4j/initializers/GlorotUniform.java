package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_avg", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.GlorotUniform(seed=None)}.
 */
public class GlorotUniform extends VarianceScaling {
  public GlorotUniform() {
    this(null);
  }

  public GlorotUniform(Long seed) {
    super(1.0, "fan_avg", "uniform", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }
}
