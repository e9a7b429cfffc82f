package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Lightens or darkens each image by a random amount (the lecture's lighten/darken), in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomBrightness(factor, value_range=(0, 255), seed=None)}: a delta
 * drawn in {@code [lower, upper] * (max - min)} of the value range is added and the result clipped to the range.
 * Only the first input of a call is changed (a label map keeps its values).
 * <pre>{@code model.add(new RandomBrightness(0.2).valueRange(0, 1));}</pre>
 */
public class RandomBrightness extends RandomImageLayer<RandomBrightness> {
  private final double lower;
  private final double upper;
  private double[] valueRange = {0, 255};

  /** A symmetric factor: deltas in [-factor, factor] of the range. */
  public RandomBrightness(double factor) {
    this(-factor, factor);
  }

  /** Deltas in [lower, upper] of the value range, each in [-1, 1]. */
  public RandomBrightness(double lower, double upper) {
    if (lower < -1 || upper > 1 || lower > upper) {
      throw new IllegalArgumentException("The `factor` argument should be a number (or a list of two numbers) in the "
          + "range [-1.0, 1.0]. Received: factor=(" + lower + ", " + upper + ")");
    }
    this.lower = lower;
    this.upper = upper;
  }

  /** Sets the images' value range (Keras' {@code value_range=}). Default (0, 255). */
  public RandomBrightness valueRange(double min, double max) {
    checkNotBuilt("value_range");
    checkRange(min, max);
    this.valueRange = new double[] {min, max};
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    float span = (float) (valueRange[1] - valueRange[0]);
    Tensor delta = ops.reshape(uniform(ops, ops.dimension(x, 0), (float) lower * span, (float) upper * span), -1, 1,
        1, 1);
    List<Tensor> out = new ArrayList<>(inputs);
    out.set(0, ops.clip(ops.add(x, delta), (float) valueRange[0], (float) valueRange[1]));
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(lower, upper));
    c.put("value_range", ConfigLists.of(valueRange));
    return c;
  }

  /** A RandomBrightness layer from its Keras config (Keras' {@code RandomBrightness.from_config}). */
  public static RandomBrightness fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomBrightness", config);
    double[] f = factor(c, "factor", null);
    if (f == null) {
      throw new IllegalArgumentException("RandomBrightness config lacks the required `factor`. Received: " + config);
    }
    double[] range = valueRange(c);
    return withImageConfig(new RandomBrightness(f[0], f[1]).valueRange(range[0], range[1]), c);
  }
}
