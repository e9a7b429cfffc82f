package io.keras4j.initializers;

import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variance scaling with scale=2.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.HeUniform(seed=None, input_axes=None, output_axes=None)}.
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

  @Override
  public HeUniform seed(long seed) {
    super.seed(seed);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public HeUniform scale(double scale) {
    super.scale(scale);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public HeUniform mode(String mode) {
    super.mode(mode);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public HeUniform distribution(String distribution) {
    super.distribution(distribution);
    return this;
  }

  @Override
  public HeUniform inputAxes(int... axes) {
    super.inputAxes(axes);
    return this;
  }

  @Override
  public HeUniform outputAxes(int... axes) {
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

  /** A HeUniform from its Keras config ({@code seed}, {@code input_axes}, {@code output_axes}). */
  public static HeUniform fromConfig(Map<String, Object> config) {
    Config c = new Config("HeUniform", config);
    Long seed = c.optionalLong("seed");
    return withAxes(seed == null ? new HeUniform() : new HeUniform(seed), c);
  }
}
