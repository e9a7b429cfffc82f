package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Zooms each image in or out about its centre by a random factor, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomZoom(height_factor, width_factor=None, fill_mode="reflect",
 * interpolation="bilinear", seed=None, fill_value=0.0)}: the zoom is drawn in {@code [1 + lower, 1 + upper]}
 * (a single factor f means [-f, f]); positive values zoom out. Without a width factor the aspect ratio is kept.
 * <pre>{@code model.add(new RandomZoom(0.2).widthFactor(-0.1, 0.1));}</pre>
 */
public class RandomZoom extends RandomAffine<RandomZoom> {
  private final double lower;
  private final double upper;
  private double[] width; // null: the height's draw (Keras' width_factor=None)

  /** Zooms in [-|factor|, |factor|] (Keras' {@code height_factor} as one number). */
  public RandomZoom(double factor) {
    this(-Math.abs(factor), Math.abs(factor));
  }

  /** Zooms in [lower, upper] (Keras' {@code height_factor=(lower, upper)}), lower >= -1. */
  public RandomZoom(double lower, double upper) {
    if (!(lower >= -1 && upper >= lower)) {
      throw new IllegalArgumentException("`height_factor` must be a range within [-1, inf). Received: height_factor=("
          + lower + ", " + upper + ")");
    }
    this.lower = lower;
    this.upper = upper;
  }

  /** Sets a separate width zoom in [-|factor|, |factor|] (Keras' {@code width_factor=}). Default: the height's. */
  public RandomZoom widthFactor(double factor) {
    return widthFactor(-Math.abs(factor), Math.abs(factor));
  }

  /**
   * Sets a separate width zoom in [lower, upper] (Keras' {@code width_factor=(lower, upper)}). Default: none, the
   * height's draw (the aspect ratio is kept).
   */
  public RandomZoom widthFactor(double lower, double upper) {
    checkNotBuilt("width_factor");
    if (!(lower >= -1 && upper >= lower)) {
      throw new IllegalArgumentException("`width_factor` must be a range within [-1, inf). Received: width_factor=("
          + lower + ", " + upper + ")");
    }
    this.width = new double[] {lower, upper};
    return this;
  }

  @Override
  protected List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w) {
    Tensor zy = uniform(ops, batch, (float) (1 + lower), (float) (1 + upper));
    Tensor zx = width == null ? zy : uniform(ops, batch, (float) (1 + width[0]), (float) (1 + width[1]));
    Tensor xOff = ops.multiply(ops.add(ops.negative(zx), 1f), (w - 1) / 2);
    Tensor yOff = ops.multiply(ops.add(ops.negative(zy), 1f), (h - 1) / 2);
    Tensor zero = full(ops, batch, 0f);
    return List.of(zx, zero, xOff, zero, zy, yOff, zero, zero);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", ConfigLists.of(lower, upper));
    c.put("width_factor", width == null ? null : ConfigLists.of(width));
    return c;
  }

  /** A RandomZoom layer from its Keras config (Keras' {@code RandomZoom.from_config}). */
  public static RandomZoom fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomZoom", config);
    double[] h = factor(c, "height_factor", null);
    if (h == null) {
      throw new IllegalArgumentException("RandomZoom config lacks the required `height_factor`. Received: " + config);
    }
    RandomZoom z = new RandomZoom(h[0], h[1]);
    double[] w = factor(c, "width_factor", null);
    if (w != null) {
      z.widthFactor(w[0], w[1]);
    }
    return withAffineConfig(z, c);
  }
}
