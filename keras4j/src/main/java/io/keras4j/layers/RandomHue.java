package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Rotates each image's hue by a random amount, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomHue(factor, value_range=(0, 255), seed=None)}: per image a shift
 * {@code ±u / 2} of a hue turn is drawn, u in {@code factor} (one number f means (0, f), bounds [0, 1]) and the sign
 * uniform; the image is taken to (0, 1), shifted in HSV (wrapping around), clipped to (0, 1) and taken back.
 * <pre>{@code model.add(new RandomHue(0.2).valueRange(0, 1));}</pre>
 */
public class RandomHue extends BaseImageColorLayer<RandomHue> {
  private final double[] factor;

  /** Shifts of up to f / 2 of a turn, f in [0, 1] (Keras' {@code factor=f}). */
  public RandomHue(double factor) {
    this.factor = KerasFactors.of(new double[] {factor}, 0, 1, "factor");
  }

  /** Shifts of (lower / 2, upper / 2) of a turn, either way (Keras' {@code factor=(lower, upper)}). */
  public RandomHue(double lower, double upper) {
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor batch = ops.dimension(x, 0);
    Tensor sign = ops.add(ops.multiply(ops.cast(ops.greater(uniform(ops, batch, 0, 1), ops.constant(0.5f)),
        "float32"), -2f), 1f);
    Tensor shift = ImageColors.perSample(ops, ops.multiply(ops.multiply(sign,
        uniform(ops, batch, (float) factor[0], (float) factor[1])), 0.5f));
    double[] unit = {0, 1};
    Tensor hsv = ImageColors.rgbToHsv(ops, ImageColors.rescale(ops, x, range(), unit));
    Tensor h = ops.add(ImageColors.channel(ops, hsv, 0), shift);
    h = ops.where(ops.greater(h, ops.constant(1f)), ops.add(h, -1f), h);
    h = ops.where(ops.less(h, ops.constant(0f)), ops.add(h, 1f), h);
    Tensor rgb = ImageColors.hsvToRgb(ops, ops.concatenate(List.of(h, ImageColors.channel(ops, hsv, 1),
        ImageColors.channel(ops, hsv, 2)), 3));
    return ImageColors.rescale(ops, ops.clip(rgb, 0f, 1f), unit, range());
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    return c;
  }

  /** A RandomHue layer from its Keras config (Keras' {@code RandomHue.from_config}). */
  public static RandomHue fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomHue", config);
    double[] f = KerasFactors.read(c, "factor", null, 0, 1);
    return withColorConfig(new RandomHue(f[0], f[1]), c);
  }
}
