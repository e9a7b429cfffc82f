package io.keras4j.initializers;

/**
 * Variance scaling with scale=1.0, mode="fan_avg", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.GlorotNormal(seed=None)}.
 */
public class GlorotNormal extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public GlorotNormal() {
    super(1.0, "fan_avg", "truncated_normal", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public GlorotNormal(long seed) {
    super(1.0, "fan_avg", "truncated_normal", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }

  /** A GlorotNormal from its Keras config ({@code seed}). */
  public static GlorotNormal fromConfig(java.util.Map<String, Object> config) {
    Long seed = new io.keras4j.saving.Config("GlorotNormal", config).optionalLong("seed");
    return seed == null ? new GlorotNormal() : new GlorotNormal(seed);
  }
}
