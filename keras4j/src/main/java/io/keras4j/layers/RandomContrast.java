package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Scales each image's deviation from its per-channel mean by a random factor, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomContrast(factor, value_range=(0, 255), seed=None)}: the factor
 * is drawn in {@code [1 - lower, 1 + upper]}, output {@code (x - mean) * factor + mean} clipped to the value range.
 * Only the first input of a call is changed. As in Keras 3.15.1's code (its documentation says [1 - f, 1 + f]), a
 * single factor f means {@code factor=[0, f]}: contrast factors in [1, 1 + f]; pass both bounds for
 * {@code new RandomContrast(f, f)}, factors in [1 - f, 1 + f].
 * <pre>{@code model.add(new RandomContrast(0.2).valueRange(0, 1));}</pre>
 */
public class RandomContrast extends RandomImageLayer<RandomContrast> {
  private final double lower;
  private final double upper;
  private double[] valueRange = {0, 255};

  /** Contrast factors in [1, 1 + factor], factor in [0, 1]: Keras' {@code factor=f}, written as [0, f]. */
  public RandomContrast(double factor) {
    this(0, checkFactor(factor));
  }

  private static double checkFactor(double factor) {
    if (factor < 0 || factor > 1) {
      throw new IllegalArgumentException("The `factor` argument should be a number (or a list of two numbers) in the "
          + "range [0.0, 1.0]. Received: factor=" + factor);
    }
    return factor;
  }

  /**
   * Contrast factors in [1 - lower, 1 + upper] (Keras' {@code factor=(lower, upper)}). As in Keras, only
   * {@code lower > 1} or {@code upper < 0} is refused, and the pair is sorted: {@code (-0.5, 0.5)} is the fixed
   * factor 1.5.
   */
  public RandomContrast(double lower, double upper) {
    if (lower > 1 || upper < 0) {
      throw new IllegalArgumentException("The `factor` argument should be a number (or a list of two numbers) in the "
          + "range [0.0, 1.0]. Received: factor=(" + lower + ", " + upper + ")");
    }
    this.lower = Math.min(lower, upper);
    this.upper = Math.max(lower, upper);
  }

  /** Sets the images' value range (Keras' {@code value_range=}). Default (0, 255). */
  public RandomContrast valueRange(double min, double max) {
    checkNotBuilt("value_range");
    checkRange(min, max);
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
    c.put("factor", ConfigLists.of(lower, upper));
    c.put("value_range", ConfigLists.of(valueRange));
    return c;
  }

  /** A RandomContrast layer from its Keras config (Keras' {@code RandomContrast.from_config}). */
  public static RandomContrast fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomContrast", config);
    double[] f = c.numbers("factor", null);
    if (f == null || f.length > 2) {
      throw new IllegalArgumentException("RandomContrast config: `factor` should be a number or a list of 2 numbers. "
          + "Received: factor=" + c.get("factor"));
    }
    RandomContrast r = f.length == 1 ? new RandomContrast(f[0]) : new RandomContrast(f[0], f[1]);
    double[] range = valueRange(c);
    return withImageConfig(r.valueRange(range[0], range[1]), c);
  }
}
