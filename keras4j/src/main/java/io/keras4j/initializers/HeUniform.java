package io.keras4j.initializers;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.HeUniform(seed=None)}.
 */
public class HeUniform extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public HeUniform() {
    super(2.0, "fan_in", "uniform", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public HeUniform(long seed) {
    super(2.0, "fan_in", "uniform", seed);
  }

  /** Keras' config of this initializer: only the seed. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed());
    return c;
  }

  /** A HeUniform from its Keras config ({@code seed}). */
  public static HeUniform fromConfig(java.util.Map<String, Object> config) {
    Long seed = new io.keras4j.saving.Config("HeUniform", config).optionalLong("seed");
    return seed == null ? new HeUniform() : new HeUniform(seed);
  }
}
