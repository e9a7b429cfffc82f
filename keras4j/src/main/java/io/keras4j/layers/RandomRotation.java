package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Rotates each image by a random angle about its centre, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomRotation(factor, fill_mode="reflect", interpolation="bilinear",
 * seed=None, fill_value=0.0)}: the angle is drawn in {@code [lower, upper] * 2 pi} (a single factor f means
 * [-f, f]); positive angles turn counter-clockwise.
 */
public class RandomRotation extends RandomAffine {
  private final double lower;
  private final double upper;

  public RandomRotation(double factor) {
    this(-Math.abs(factor), Math.abs(factor));
  }

  public RandomRotation(double lower, double upper) {
    if (lower > upper) {
      throw new IllegalArgumentException("Factor cannot have lower bound greater than upper bound. Received: factor=("
          + lower + ", " + upper + ")");
    }
    this.lower = lower;
    this.upper = upper;
  }

  @Override
  protected List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w) {
    Tensor angle = uniform(ops, batch, (float) (lower * 2 * Math.PI), (float) (upper * 2 * Math.PI));
    Tensor cos = ops.cos(angle);
    Tensor sin = ops.sin(angle);
    // x_offset = ((w - 1) - (cos (w - 1) - sin (h - 1))) / 2, y_offset = ((h - 1) - (sin (w - 1) + cos (h - 1))) / 2
    Tensor xOff = ops.multiply(ops.add(ops.negative(ops.subtract(ops.multiply(cos, w - 1), ops.multiply(sin, h - 1))),
        w - 1), 0.5f);
    Tensor yOff = ops.multiply(ops.add(ops.negative(ops.add(ops.multiply(sin, w - 1), ops.multiply(cos, h - 1))),
        h - 1), 0.5f);
    Tensor zero = full(ops, batch, 0f);
    return List.of(cos, ops.negative(sin), xOff, sin, cos, yOff, zero, zero);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", new double[] {lower, upper});
    return c;
  }
}
