package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scales each image's deviation from its per-channel mean by a random factor, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomContrast(factor, value_range=(0, 255), seed=None)}: the factor
 * is drawn in {@code [1 - lower, 1 + upper]}, output {@code (x - mean) * factor + mean} clipped to the value range.
 * Only the first input of a call is changed.
 */
public class RandomContrast extends RandomImageLayer {
  private final double lower;
  private final double upper;
  private double[] valueRange = {0, 255};

  public RandomContrast(double factor) {
    this(factor, factor);
  }

  public RandomContrast(double lower, double upper) {
    if (lower < 0 || upper < 0 || lower > 1) {
      throw new IllegalArgumentException("The `factor` argument should be a number (or a list of two numbers) in the "
          + "range [0.0, 1.0]. Received: factor=(" + lower + ", " + upper + ")");
    }
    this.lower = lower;
    this.upper = upper;
  }

  /** Sets the images' value range (Keras' {@code value_range=}). Default (0, 255). */
  public RandomContrast valueRange(double min, double max) {
    this.valueRange = new double[] {min, max};
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Tensor factor = ops.reshape(uniform(ops, ops.dimension(x, 0), (float) (1 - lower), (float) (1 + upper)), -1, 1,
        1, 1);
    Tensor mean = ops.mean(x, new int[] {1, 2}, true);
    Tensor y = ops.add(ops.multiply(ops.subtract(x, mean), factor), mean);
    List<Tensor> out = new ArrayList<>(inputs);
    out.set(0, ops.clip(y, (float) valueRange[0], (float) valueRange[1]));
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", new double[] {lower, upper});
    c.put("value_range", valueRange.clone());
    return c;
  }
}
