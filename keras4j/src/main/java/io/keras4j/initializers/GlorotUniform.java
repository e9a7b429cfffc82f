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
}
