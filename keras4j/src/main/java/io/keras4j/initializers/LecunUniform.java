package io.keras4j.initializers;

import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variance scaling with scale=1.0, mode="fan_in", distribution="uniform".
 * Keras equivalent: {@code keras.initializers.LecunUniform(seed=None, input_axes=None, output_axes=None)}.
 */
public class LecunUniform extends VarianceScaling {
  /** Unseeded: fresh values at each call. */
  public LecunUniform() {
    super(1.0, "fan_in", "uniform", null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public LecunUniform(long seed) {
    super(1.0, "fan_in", "uniform", seed);
  }

  @Override
  public LecunUniform seed(long seed) {
    super.seed(seed);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public LecunUniform scale(double scale) {
    super.scale(scale);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public LecunUniform mode(String mode) {
    super.mode(mode);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public LecunUniform distribution(String distribution) {
    super.distribution(distribution);
    return this;
  }

  @Override
  public LecunUniform inputAxes(int... axes) {
    super.inputAxes(axes);
    return this;
  }

  @Override
  public LecunUniform outputAxes(int... axes) {
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

  /** A LecunUniform from its Keras config ({@code seed}, {@code input_axes}, {@code output_axes}). */
  public static LecunUniform fromConfig(Map<String, Object> config) {
    Config c = new Config("LecunUniform", config);
    Long seed = c.optionalLong("seed");
    return withAxes(seed == null ? new LecunUniform() : new LecunUniform(seed), c);
  }
}
