package io.keras4j.initializers;

import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variance scaling with scale=1.0, mode="fan_avg", distribution="truncated_normal".
 * Keras equivalent: {@code keras.initializers.GlorotNormal(seed=None, input_axes=None, output_axes=None)}.
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

  @Override
  public GlorotNormal seed(long seed) {
    super.seed(seed);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public GlorotNormal scale(double scale) {
    super.scale(scale);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public GlorotNormal mode(String mode) {
    super.mode(mode);
    return this;
  }

  /** Inherited from VarianceScaling; as in Keras, this class' config does not record it. */
  @Override
  public GlorotNormal distribution(String distribution) {
    super.distribution(distribution);
    return this;
  }

  @Override
  public GlorotNormal inputAxes(int... axes) {
    super.inputAxes(axes);
    return this;
  }

  @Override
  public GlorotNormal outputAxes(int... axes) {
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

  /** A GlorotNormal from its Keras config ({@code seed}, {@code input_axes}, {@code output_axes}). */
  public static GlorotNormal fromConfig(Map<String, Object> config) {
    Config c = new Config("GlorotNormal", config);
    Long seed = c.optionalLong("seed");
    return withAxes(seed == null ? new GlorotNormal() : new GlorotNormal(seed), c);
  }
}
