package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_avg", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.GlorotUniform(seed=None)}.
 */
public class GlorotUniform extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public GlorotUniform() {
    super(1.0, "fan_avg", "uniform", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public GlorotUniform(long seed) {
    super(1.0, "fan_avg", "uniform", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }

  /** A GlorotUniform from its Keras config ({@code seed}). */
  public static GlorotUniform fromConfig(java.util.Map<String, Object> config) {
    Long seed = new io.keras4j.saving.Config("GlorotUniform", config).optionalLong("seed");
    return seed == null ? new GlorotUniform() : new GlorotUniform(seed);
  }
}
