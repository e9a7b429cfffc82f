package io.keras4j.initializers;

import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variance scaling with scale=1.0, mode="fan_avg", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.GlorotUniform(seed=None, input_axes=None, output_axes=None)}.
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

  @Override
  public GlorotUniform seed(long seed) {
    super.seed(seed);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public GlorotUniform scale(double scale) {
    super.scale(scale);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public GlorotUniform mode(String mode) {
    super.mode(mode);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public GlorotUniform distribution(String distribution) {
    super.distribution(distribution);
    return this;
  }

  @Override
  public GlorotUniform inputAxes(int... axes) {
    super.inputAxes(axes);
    return this;
  }

  @Override
  public GlorotUniform outputAxes(int... axes) {
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

  /** A GlorotUniform from its Keras config ({@code seed}, {@code input_axes}, {@code output_axes}). */
  public static GlorotUniform fromConfig(Map<String, Object> config) {
    Config c = new Config("GlorotUniform", config);
    Long seed = c.optionalLong("seed");
    return withAxes(seed == null ? new GlorotUniform() : new GlorotUniform(seed), c);
  }
}
