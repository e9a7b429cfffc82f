package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Rotates each image by a random angle about its centre, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomRotation(factor, fill_mode="reflect", interpolation="bilinear",
 * seed=None, fill_value=0.0)}: the angle is drawn in {@code [lower, upper] * 2 pi} (a single factor f means
 * [-f, f]); positive angles turn counter-clockwise.
 * <pre>{@code model.add(new RandomRotation(0.1).fillMode("nearest"));}</pre>
 */
public class RandomRotation extends RandomAffine<RandomRotation> {
  private final double lower;
  private final double upper;

  /** Angles in [-|factor|, |factor|] turns (Keras' {@code factor} as one number). */
  public RandomRotation(double factor) {
    this(-Math.abs(factor), Math.abs(factor));
  }

  /** Angles in [lower, upper] turns (Keras' {@code factor=(lower, upper)}). */
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
    c.put("factor", ConfigLists.of(lower, upper));
    return c;
  }

  /** A RandomRotation layer from its Keras config (Keras' {@code RandomRotation.from_config}). */
  public static RandomRotation fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomRotation", config);
    double[] f = factor(c, "factor", null);
    if (f == null) {
      throw new IllegalArgumentException("RandomRotation config lacks the required `factor`. Received: " + config);
    }
    return withAffineConfig(new RandomRotation(f[0], f[1]), c);
  }
}
