package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_in", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.LecunNormal(seed=None)}.
 */
public class LecunNormal extends VarianceScaling {
  public LecunNormal() {
    this(null);
  }

  public LecunNormal(Long seed) {
    super(1.0, "fan_in", "truncated_normal", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }
}
