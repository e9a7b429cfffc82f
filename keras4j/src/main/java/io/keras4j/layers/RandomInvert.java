package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Inverts each image ({@code max - x}) with a random probability, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomInvert(factor=1.0, value_range=(0, 255), seed=None)}: per image a
 * probability is drawn in {@code factor} (one number f means (0, f)) and the image becomes
 * {@code value_range[1] - x} when a uniform draw falls below it.
 * <pre>{@code model.add(new RandomInvert().factor(0.5).valueRange(0, 1));}</pre>
 */
public class RandomInvert extends BaseImageColorLayer<RandomInvert> {
  private double[] factor = {0, 1};

  /** Inversion with probabilities drawn in (0, 1). */
  public RandomInvert() {}

  /** Sets the probability range (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 1.0: (0, 1). */
  public RandomInvert factor(double f) {
    return setFactor(new double[] {f});
  }

  /** Sets the probability range (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomInvert factor(double lower, double upper) {
    return setFactor(new double[] {lower, upper});
  }

  private RandomInvert setFactor(double[] f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(f, 0, 1, "factor");
    return this;
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor batch = ops.dimension(x, 0);
    Tensor probability = uniform(ops, batch, (float) factor[0], (float) factor[1]);
    Tensor apply = ops.less(uniform(ops, batch, 0, 1), probability);
    return ImageColors.select(ops, apply, ops.add(ops.negative(x), (float) range()[1]), x);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    return c;
  }

  /** A RandomInvert layer from its Keras config (Keras' {@code RandomInvert.from_config}). */
  public static RandomInvert fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomInvert", config);
    RandomInvert r = new RandomInvert();
    r.factor = KerasFactors.read(c, "factor", new double[] {1}, 0, 1);
    return withColorConfig(r, c);
  }
}
