package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Masks a random rectangle of each image with a constant (cutout), in training only.
 *
 * <p>Keras equivalent: KerasCV's {@code RandomCutout(height_factor, width_factor, fill_mode="constant",
 * fill_value=0.0, seed=None)}: the rectangle's sides are {@code factor * size}, its centre uniform over the image.
 * Only the first input of a call is masked (a label map is left intact). Not in Keras 3: its config is KerasCV's
 * keys that keras4j implements ({@code height_factor}, {@code width_factor}, {@code fill_value}, {@code seed}).
 * <pre>{@code model.add(new RandomCutout(0.25, 0.25));}</pre>
 */
public class RandomCutout extends RandomImageLayer<RandomCutout> {
  private final double heightFactor;
  private final double widthFactor;
  private double fillValue;

  /** Rectangles of {@code heightFactor} x {@code widthFactor} of the image, each in (0, 1]. */
  public RandomCutout(double heightFactor, double widthFactor) {
    if (heightFactor <= 0 || heightFactor > 1 || widthFactor <= 0 || widthFactor > 1) {
      throw new IllegalArgumentException("height_factor and width_factor must be in (0, 1]. Received: height_factor="
          + heightFactor + ", width_factor=" + widthFactor);
    }
    this.heightFactor = heightFactor;
    this.widthFactor = widthFactor;
  }

  /** Sets the value written in the rectangle (KerasCV's {@code fill_value=}). Default 0. */
  public RandomCutout fillValue(double fillValue) {
    checkNotBuilt("fill_value");
    this.fillValue = fillValue;
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Shape s = x.shape();
    long h = s.get(1);
    long w = s.get(2);
    Tensor batch = ops.dimension(x, 0);
    Tensor cy = ops.reshape(uniform(ops, batch, 0, h), -1, 1, 1, 1);
    Tensor cx = ops.reshape(uniform(ops, batch, 0, w), -1, 1, 1, 1);
    Tensor rows = ops.reshape(ops.cast(ops.range(ops.constant(new int[] {0}, Shape.scalar()),
        ops.constant(new int[] {(int) h}, Shape.scalar())), "float32"), 1, h, 1, 1);
    Tensor cols = ops.reshape(ops.cast(ops.range(ops.constant(new int[] {0}, Shape.scalar()),
        ops.constant(new int[] {(int) w}, Shape.scalar())), "float32"), 1, 1, w, 1);
    Tensor inRows = ops.less(ops.abs(ops.subtract(ops.add(rows, 0.5f), cy)), ops.constant((float) (heightFactor * h / 2)));
    Tensor inCols = ops.less(ops.abs(ops.subtract(ops.add(cols, 0.5f), cx)), ops.constant((float) (widthFactor * w / 2)));
    Tensor mask = ops.cast(ops.logicalAnd(inRows, inCols), "float32");
    Tensor y = ops.add(ops.multiply(x, ops.add(ops.negative(mask), 1f)), ops.multiply(mask, (float) fillValue));
    List<Tensor> out = new ArrayList<>(inputs);
    out.set(0, y);
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", heightFactor);
    c.put("width_factor", widthFactor);
    c.put("fill_value", fillValue);
    return c;
  }

  /** A RandomCutout layer from its (KerasCV) config. */
  public static RandomCutout fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomCutout", config);
    RandomCutout r = new RandomCutout(c.number("height_factor", 0.5), c.number("width_factor", 0.5))
        .fillValue(c.number("fill_value", 0));
    return withImageConfig(r, c);
  }
}
