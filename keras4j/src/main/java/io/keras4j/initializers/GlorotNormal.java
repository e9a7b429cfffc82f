package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_avg", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.GlorotNormal(seed=None)}.
 */
public class GlorotNormal extends VarianceScaling {
  public GlorotNormal() {
    this(null);
  }

  public GlorotNormal(Long seed) {
    super(1.0, "fan_avg", "truncated_normal", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }
}
