package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.LecunUniform(seed=None)}.
 */
public class LecunUniform extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public LecunUniform() {
    super(1.0, "fan_in", "uniform", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public LecunUniform(long seed) {
    super(1.0, "fan_in", "uniform", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }

  /** A LecunUniform from its Keras config ({@code seed}). */
  public static LecunUniform fromConfig(java.util.Map<String, Object> config) {
    Long seed = new io.keras4j.saving.Config("LecunUniform", config).optionalLong("seed");
    return seed == null ? new LecunUniform() : new LecunUniform(seed);
  }
}
