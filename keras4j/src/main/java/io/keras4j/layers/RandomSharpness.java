package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Sharpens or blurs each image by a random amount, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomSharpness(factor, value_range=(0, 255), seed=None)}: per image a
 * factor u is drawn in {@code factor} (one number f means (0, f)); the image is smoothed with the 3x3 kernel
 * {@code [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13} (zero padding, "same") and the output
 * {@code x + (1 - 2u) (smoothed - x)} clipped to the value range: u = 0.5 keeps the image, less blurs, more sharpens.
 * <pre>{@code model.add(new RandomSharpness(0.3));}</pre>
 */
public class RandomSharpness extends BaseImageColorLayer<RandomSharpness> {
  private final double[] factor;

  /** Factors in (0, f), f in [0, 1] (Keras' {@code factor=f}). */
  public RandomSharpness(double factor) {
    this.factor = KerasFactors.of(new double[] {factor}, 0, 1, "factor");
  }

  /** Factors in (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomSharpness(double lower, double upper) {
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    int c = (int) x.shape().get(3);
    Tensor s = ImageColors.perSample(ops, ops.multiply(uniform(ops, ops.dimension(x, 0), (float) factor[0],
        (float) factor[1]), 2f));
    float a = 1f / 13f;
    float b = 5f / 13f;
    float[] k = new float[9 * c];
    for (int i = 0; i < 9; i++) {
      for (int ch = 0; ch < c; ch++) {
        k[i * c + ch] = i == 4 ? b : a;
      }
    }
    Tensor smoothed = ops.depthwiseConv(x, ops.constant(k, Shape.of(3, 3, c, 1)), new int[] {1, 1}, "same",
        new int[] {1, 1});
    Tensor y = ops.add(x, ops.multiply(ops.add(ops.negative(s), 1f), ops.subtract(smoothed, x)));
    return ops.clip(y, (float) range()[0], (float) range()[1]);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    return c;
  }

  /** A RandomSharpness layer from its Keras config (Keras' {@code RandomSharpness.from_config}). */
  public static RandomSharpness fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomSharpness", config);
    double[] f = KerasFactors.read(c, "factor", null, 0, 1);
    return withColorConfig(new RandomSharpness(f[0], f[1]), c);
  }
}
