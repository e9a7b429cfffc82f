package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Shifts each image by a random fraction of its height and width, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomTranslation(height_factor, width_factor, fill_mode="reflect",
 * interpolation="bilinear", seed=None, fill_value=0.0)}: shifts drawn in [lower, upper] of the size (one factor f
 * means [-f, f]); positive shifts move the image down and right.
 * <pre>{@code model.add(new RandomTranslation(0.1, 0.1));}</pre>
 */
public class RandomTranslation extends RandomAffine<RandomTranslation> {
  private final double[] height;
  private final double[] width;

  /** Shifts in [-|heightFactor|, |heightFactor|] of the height and likewise for the width. */
  public RandomTranslation(double heightFactor, double widthFactor) {
    this(-Math.abs(heightFactor), Math.abs(heightFactor), -Math.abs(widthFactor), Math.abs(widthFactor));
  }

  /** Shifts in [heightLower, heightUpper] of the height and [widthLower, widthUpper] of the width, all in [-1, 1]. */
  public RandomTranslation(double heightLower, double heightUpper, double widthLower, double widthUpper) {
    this.height = check("height_factor", heightLower, heightUpper);
    this.width = check("width_factor", widthLower, widthUpper);
  }

  private static double[] check(String key, double lower, double upper) {
    if (!(lower >= -1 && upper <= 1 && lower <= upper)) {
      throw new IllegalArgumentException("RandomTranslation: `" + key + "` must be a range [lower, upper] within "
          + "[-1, 1]. Received: " + key + "=(" + lower + ", " + upper + ")");
    }
    return new double[] {lower, upper};
  }

  @Override
  protected List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w) {
    Tensor dy = ops.multiply(uniform(ops, batch, (float) height[0], (float) height[1]), h);
    Tensor dx = ops.multiply(uniform(ops, batch, (float) width[0], (float) width[1]), w);
    Tensor one = full(ops, batch, 1f);
    Tensor zero = full(ops, batch, 0f);
    return List.of(one, zero, ops.negative(dx), zero, one, ops.negative(dy), zero, zero);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", factorConfig(height[0], height[1]));
    c.put("width_factor", factorConfig(width[0], width[1]));
    return c;
  }

  /** A RandomTranslation layer from its Keras config (Keras' {@code RandomTranslation.from_config}). */
  public static RandomTranslation fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomTranslation", config);
    double[] h = factor(c, "height_factor", null);
    double[] w = factor(c, "width_factor", null);
    if (h == null || w == null) {
      throw new IllegalArgumentException("RandomTranslation config needs `height_factor` and `width_factor`. "
          + "Received: " + config);
    }
    return withAffineConfig(new RandomTranslation(h[0], h[1], w[0], w[1]), c);
  }
}
