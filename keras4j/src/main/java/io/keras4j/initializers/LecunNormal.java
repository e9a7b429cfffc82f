package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_in", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.LecunNormal(seed=None)}.
 */
public class LecunNormal extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public LecunNormal() {
    super(1.0, "fan_in", "truncated_normal", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public LecunNormal(long seed) {
    super(1.0, "fan_in", "truncated_normal", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }

  /** A LecunNormal from its Keras config ({@code seed}). */
  public static LecunNormal fromConfig(java.util.Map<String, Object> config) {
    Long seed = new io.keras4j.saving.Config("LecunNormal", config).optionalLong("seed");
    return seed == null ? new LecunNormal() : new LecunNormal(seed);
  }
}
