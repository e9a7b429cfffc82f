package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Scales each image's saturation by a random factor, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomSaturation(factor, value_range=(0, 255), seed=None)}: per image u
 * is drawn in {@code factor} (one number f means (-f, f), bounds [-1, 1]), the HSV saturation is multiplied by
 * {@code u / (1 - u + 1e-7)} and clipped to the value range: u = 0.5 keeps the image, u = 1 saturates fully and
 * u <= 0 gives greys. As in Keras, the HSV conversion is applied to the values as they are (not rescaled).
 * <pre>{@code model.add(new RandomSaturation(0.5, 0.9).valueRange(0, 1));}</pre>
 */
public class RandomSaturation extends BaseImageColorLayer<RandomSaturation> {
  private final double[] factor;

  /** Draws in (-f, f), f in [-1, 1] (Keras' {@code factor=f}). */
  public RandomSaturation(double factor) {
    this.factor = KerasFactors.of(new double[] {factor}, -1, 1, "factor");
  }

  /** Draws in (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomSaturation(double lower, double upper) {
    this.factor = KerasFactors.of(new double[] {lower, upper}, -1, 1, "factor");
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor u = uniform(ops, ops.dimension(x, 0), (float) factor[0], (float) factor[1]);
    Tensor adjust = ImageColors.perSample(ops, ops.divide(u, ops.add(ops.add(ops.negative(u), 1f), 1e-7f)));
    Tensor hsv = ImageColors.rgbToHsv(ops, x);
    Tensor s = ops.clip(ops.multiply(ImageColors.channel(ops, hsv, 1), adjust), (float) range()[0],
        (float) range()[1]);
    return ImageColors.hsvToRgb(ops, ops.concatenate(List.of(ImageColors.channel(ops, hsv, 0), s,
        ImageColors.channel(ops, hsv, 2)), 3));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    return c;
  }

  /** A RandomSaturation layer from its Keras config (Keras' {@code RandomSaturation.from_config}). */
  public static RandomSaturation fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomSaturation", config);
    double[] f = KerasFactors.read(c, "factor", null, -1, 1);
    return withColorConfig(new RandomSaturation(f[0], f[1]), c);
  }
}
