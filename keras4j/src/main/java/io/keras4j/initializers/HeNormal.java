package io.keras4j.initializers;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.HeNormal(seed=None)}.
 */
public class HeNormal extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public HeNormal() {
    super(2.0, "fan_in", "truncated_normal", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public HeNormal(long seed) {
    super(2.0, "fan_in", "truncated_normal", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }

  /** A HeNormal from its Keras config ({@code seed}). */
  public static HeNormal fromConfig(java.util.Map<String, Object> config) {
    Long seed = new io.keras4j.saving.Config("HeNormal", config).optionalLong("seed");
    return seed == null ? new HeNormal() : new HeNormal(seed);
  }
}
