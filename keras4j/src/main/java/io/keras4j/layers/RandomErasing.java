package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Erases a random rectangle of each image with a constant or noise, with a random probability, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomErasing(factor=1.0, scale=(0.02, 0.33), fill_value=None,
 * value_range=(0, 255), seed=None)}: per image the rectangle's sides are {@code sqrt(s) * size} with s drawn in
 * {@code scale} for each side, its corner uniform within the image; it is erased when a uniform draw falls below a
 * probability drawn in {@code factor} (one number f means (0, f)). The fill is {@code fill_value}, or without one
 * normal noise times {@code value_range[1]}, clipped to the value range.
 * <pre>{@code model.add(new RandomErasing().scale(0.1, 0.2).fillValue(0));}</pre>
 */
public class RandomErasing extends BaseImageColorLayer<RandomErasing> {
  private double[] factor = {0, 1};
  private double[] scale = {0.02, 0.33};
  private Double fillValue;

  /** Erasing with probabilities in (0, 1), areas of 2% to 33% per side, noise fill. */
  public RandomErasing() {}

  /** Sets the probability range (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 1.0: (0, 1). */
  public RandomErasing factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets the probability range (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomErasing factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  /** Sets the range (lower, upper) in [0, 1] of s, each side being sqrt(s) of the image's (Keras' {@code scale=}). */
  public RandomErasing scale(double lower, double upper) {
    checkNotBuilt("scale");
    this.scale = KerasFactors.of(new double[] {lower, upper}, 0, 1, "scale");
    return this;
  }

  /** Sets a constant fill (Keras' {@code fill_value=}). Default none: normal noise times value_range[1]. */
  public RandomErasing fillValue(double fillValue) {
    checkNotBuilt("fill_value");
    this.fillValue = fillValue;
    return this;
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Shape s = x.shape();
    long h = s.get(1);
    long w = s.get(2);
    Tensor batch = ops.dimension(x, 0);
    Tensor sides = ops.sqrt(draw(ops, ops.stack(java.util.List.of(batch, ops.constant(new int[] {2}, Shape.scalar())),
        0), (float) scale[0], (float) scale[1]));
    Tensor mx = ops.reshape(ops.slice(sides, new int[] {0, 0}, new int[] {-1, 1}), -1);
    Tensor my = ops.reshape(ops.slice(sides, new int[] {0, 1}, new int[] {-1, 1}), -1);
    Tensor inX = band(ops, batch, mx, w, 2);
    Tensor inY = band(ops, batch, my, h, 1);
    Tensor probability = uniform(ops, batch, (float) factor[0], (float) factor[1]);
    Tensor apply = ops.less(uniform(ops, batch, 0, 1), probability);
    double[] r = range();
    Tensor fill = fillValue == null ? ops.multiply(normal(ops, ops.shapeOf(x)), (float) r[1])
        : ops.add(ops.zerosLike(x), (float) (double) fillValue);
    fill = ops.clip(fill, (float) r[0], (float) r[1]);
    Tensor mask = ops.broadcastTo(ops.logicalAnd(ops.logicalAnd(inX, inY),
        ops.broadcastTo(ops.reshape(apply, -1, 1, 1, 1), ops.shapeOf(inX))), ops.shapeOf(x));
    return ops.where(mask, fill, x);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    c.put("scale", ConfigLists.of(scale));
    c.put("fill_value", fillValue);
    return c;
  }

  /** A RandomErasing layer from its Keras config (Keras' {@code RandomErasing.from_config}). */
  public static RandomErasing fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomErasing", config);
    RandomErasing r = new RandomErasing();
    r.factor = KerasFactors.read(c, "factor", new double[] {1}, 0, 1);
    r.scale = KerasFactors.read(c, "scale", new double[] {0.02, 0.33}, 0, 1);
    if (c.get("fill_value") instanceof java.util.List<?>) {
      throw new IllegalArgumentException("RandomErasing: keras4j supports a number or None as `fill_value`. "
          + "Received: fill_value=" + c.get("fill_value"));
    }
    Double fill = c.optionalNumber("fill_value");
    if (fill != null) {
      r.fillValue(fill);
    }
    return withColorConfig(r, c);
  }
}
