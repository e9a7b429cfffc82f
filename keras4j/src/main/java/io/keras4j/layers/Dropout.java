package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Sets a fraction {@code rate} of inputs to 0 during training and scales the rest by {@code 1/(1-rate)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Dropout(rate, noise_shape=None, seed=None)}. Identity at inference.
 * <pre>{@code model.add(new Dropout(0.5));}</pre>
 */
public class Dropout extends BaseDropout<Dropout> {
  private int[] noiseShape;

  /** Dropout of {@code rate}, in [0, 1]. */
  public Dropout(double rate) {
    super(rate);
  }

  /**
   * Sets the mask's shape, batch first, -1 meaning the input's size (Keras' {@code noise_shape=}, None written as
   * -1). Default: the input's shape.
   */
  public Dropout noiseShape(int... noiseShape) {
    checkNotBuilt("noise_shape");
    this.noiseShape = noiseShape.clone();
    return this;
  }

  @Override
  protected int[] noiseShapeFor(Tensor input) {
    return noiseShape;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("noise_shape", noiseShape == null ? null : nullForUnknown(noiseShape));
    return c;
  }

  /** A noise shape as Keras writes it, -1 sizes as null. */
  static java.util.List<Object> nullForUnknown(int[] shape) {
    java.util.List<Object> out = new java.util.ArrayList<>();
    for (int d : shape) {
      out.add(d < 0 ? null : d);
    }
    return out;
  }

  /** A Dropout layer from its Keras config (Keras' {@code Dropout.from_config}); null sizes in noise_shape are -1. */
  public static Dropout fromConfig(Map<String, Object> config) {
    Config c = new Config("Dropout", config);
    Dropout d = new Dropout(c.number("rate"));
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      d.seed(seed);
    }
    int[] noiseShape = readNoiseShape(c);
    if (noiseShape != null) {
      d.noiseShape(noiseShape);
    }
    return withBaseConfig(d, c);
  }

  /** The {@code noise_shape} of a config, null sizes as -1; null when absent or null. */
  static int[] readNoiseShape(Config c) {
    if (!(c.get("noise_shape") instanceof java.util.List<?> l)) {
      return null;
    }
    int[] shape = new int[l.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = l.get(i) == null ? -1 : ((Number) l.get(i)).intValue();
    }
    return shape;
  }
}
