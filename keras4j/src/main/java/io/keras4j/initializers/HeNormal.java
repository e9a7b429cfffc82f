package io.keras4j.initializers;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.HeNormal(seed=None)}.
 */
public class HeNormal extends VarianceScaling {
  public HeNormal() {
    this(null);
  }

  public HeNormal(Long seed) {
    super(2.0, "fan_in", "truncated_normal", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }
}
