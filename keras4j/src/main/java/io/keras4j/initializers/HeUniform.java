package io.keras4j.initializers;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.HeUniform(seed=None)}.
 */
public class HeUniform extends VarianceScaling {
  public HeUniform() {
    this(null);
  }

  public HeUniform(Long seed) {
    super(2.0, "fan_in", "uniform", seed);
  }
}
