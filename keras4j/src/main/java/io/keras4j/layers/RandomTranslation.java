package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Shifts each image by a random fraction of its height and width, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomTranslation(height_factor, width_factor, fill_mode="reflect",
 * interpolation="bilinear", seed=None, fill_value=0.0)}: shifts drawn in [-factor, factor] of the size.
 */
public class RandomTranslation extends RandomAffine {
  private final double heightFactor;
  private final double widthFactor;

  public RandomTranslation(double heightFactor, double widthFactor) {
    if (Math.abs(heightFactor) > 1 || Math.abs(widthFactor) > 1) {
      throw new IllegalArgumentException("`height_factor` and `width_factor` must be in [-1, 1]. Received: "
          + "height_factor=" + heightFactor + ", width_factor=" + widthFactor);
    }
    this.heightFactor = Math.abs(heightFactor);
    this.widthFactor = Math.abs(widthFactor);
  }

  @Override
  protected List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w) {
    Tensor dy = ops.multiply(uniform(ops, batch, (float) -heightFactor, (float) heightFactor), h);
    Tensor dx = ops.multiply(uniform(ops, batch, (float) -widthFactor, (float) widthFactor), w);
    Tensor one = full(ops, batch, 1f);
    Tensor zero = full(ops, batch, 0f);
    return List.of(one, zero, ops.negative(dx), zero, one, ops.negative(dy), zero, zero);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", heightFactor);
    c.put("width_factor", widthFactor);
    return c;
  }
}
