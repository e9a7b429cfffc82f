package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Zooms each image in or out about its centre by a random factor, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomZoom(height_factor, width_factor=None, fill_mode="reflect",
 * interpolation="bilinear", seed=None, fill_value=0.0)}: the zoom is drawn in {@code [1 + lower, 1 + upper]}
 * (a single factor f means [-f, f]); positive values zoom out. Without a width factor the aspect ratio is kept.
 */
public class RandomZoom extends RandomAffine {
  private final double lower;
  private final double upper;
  private Double widthLower;
  private Double widthUpper;

  public RandomZoom(double factor) {
    this(-Math.abs(factor), Math.abs(factor));
  }

  public RandomZoom(double lower, double upper) {
    if (lower < -1 || upper < lower) {
      throw new IllegalArgumentException("`height_factor` must be a range within [-1, inf). Received: ("
          + lower + ", " + upper + ")");
    }
    this.lower = lower;
    this.upper = upper;
  }

  /** Sets a separate width zoom range (Keras' {@code width_factor=}). Default: the height's draw. */
  public RandomZoom widthFactor(double lower, double upper) {
    this.widthLower = lower;
    this.widthUpper = upper;
    return this;
  }

  @Override
  protected List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w) {
    Tensor zy = uniform(ops, batch, (float) (1 + lower), (float) (1 + upper));
    Tensor zx = widthLower == null ? zy
        : uniform(ops, batch, (float) (1 + widthLower), (float) (1 + widthUpper));
    Tensor xOff = ops.multiply(ops.add(ops.negative(zx), 1f), (w - 1) / 2);
    Tensor yOff = ops.multiply(ops.add(ops.negative(zy), 1f), (h - 1) / 2);
    Tensor zero = full(ops, batch, 0f);
    return List.of(zx, zero, xOff, zero, zy, yOff, zero, zero);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", new double[] {lower, upper});
    c.put("width_factor", widthLower == null ? null : new double[] {widthLower, widthUpper});
    return c;
  }
}
