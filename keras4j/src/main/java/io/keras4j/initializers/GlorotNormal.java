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
}
