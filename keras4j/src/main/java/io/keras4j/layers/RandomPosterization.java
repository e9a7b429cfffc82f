package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Keeps a random number of high bits of each 8-bit pixel value, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomPosterization(factor, value_range=(0, 255), seed=None)}: per image
 * a bit count b is drawn as an integer in {@code [lower, upper)} (or is {@code lower} when both are equal; one number
 * f means (1, f)), and each value, as an 8-bit integer in the (0, 255) scale, keeps its b high bits.
 * <pre>{@code model.add(new RandomPosterization(4));}</pre>
 */
public class RandomPosterization extends BaseImageColorLayer<RandomPosterization> {
  private final int lower;
  private final int upper;

  /** Bit counts in (1, factor), factor in [1, 8] (Keras' {@code factor=f}). */
  public RandomPosterization(int factor) {
    this(new double[] {factor});
  }

  /** Bit counts in (lower, upper) within [1, 8] (Keras' {@code factor=(lower, upper)}). */
  public RandomPosterization(int lower, int upper) {
    this(new double[] {lower, upper});
  }

  private RandomPosterization(double[] f) {
    double[] k = KerasFactors.of(f, 1, 8, "factor");
    this.lower = (int) k[0];
    this.upper = (int) k[1];
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor batch = ops.dimension(x, 0);
    Tensor bits = lower != upper ? ops.floor(uniform(ops, batch, lower, upper))
        : ops.fill(ops.reshape(batch, 1), lower);
    Tensor step = ImageColors.perSample(ops, ops.pow(ops.fill(ops.reshape(batch, 1), 2f),
        ops.add(ops.negative(bits), 8f)));
    double[] byte255 = {0, 255};
    Tensor v = ops.floor(ops.clip(ImageColors.rescale(ops, x, range(), byte255), 0f, 255f));
    Tensor y = ops.multiply(ops.floor(ops.divide(v, step)), step);
    return ImageColors.rescale(ops, y, byte255, range());
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(lower, upper));
    return c;
  }

  /** A RandomPosterization layer from its Keras config (Keras' {@code RandomPosterization.from_config}). */
  public static RandomPosterization fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomPosterization", config);
    double[] f = c.numbers("factor", null);
    if (f == null) {
      throw new IllegalArgumentException("RandomPosterization config lacks the required `factor`. Received: "
          + config);
    }
    return withColorConfig(new RandomPosterization(f), c);
  }
}
