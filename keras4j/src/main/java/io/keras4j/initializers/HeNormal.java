package io.keras4j.initializers;

import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.HeNormal(seed=None, input_axes=None, output_axes=None)}.
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

  @Override
  public HeNormal seed(long seed) {
    super.seed(seed);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public HeNormal scale(double scale) {
    super.scale(scale);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public HeNormal mode(String mode) {
    super.mode(mode);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public HeNormal distribution(String distribution) {
    super.distribution(distribution);
    return this;
  }

  @Override
  public HeNormal inputAxes(int... axes) {
    super.inputAxes(axes);
    return this;
  }

  @Override
  public HeNormal outputAxes(int... axes) {
    super.outputAxes(axes);
    return this;
  }

  /** Keras' config of this initializer: the seed and the fan axes. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("seed", seed());
    return axesConfig(c);
  }

  /** A HeNormal from its Keras config ({@code seed}, {@code input_axes}, {@code output_axes}). */
  public static HeNormal fromConfig(Map<String, Object> config) {
    Config c = new Config("HeNormal", config);
    Long seed = c.optionalLong("seed");
    return withAxes(seed == null ? new HeNormal() : new HeNormal(seed), c);
  }
}
