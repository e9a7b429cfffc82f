package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Blends each image towards its greyscale version by a random amount, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomColorDegeneration(factor, value_range=(0, 255), seed=None)}: per
 * image u is drawn in {@code factor} (one number f means (-f, f), bounds [-1, 1]) and the output is
 * {@code x + u (gray - x)} clipped to the value range (u = 1: grey, u < 0: more colourful). Images must have 3
 * channels.
 * <pre>{@code model.add(new RandomColorDegeneration(0.5));}</pre>
 */
public class RandomColorDegeneration extends BaseImageColorLayer<RandomColorDegeneration> {
  private final double[] factor;

  /** Draws in (-f, f), f in [-1, 1] (Keras' {@code factor=f}). */
  public RandomColorDegeneration(double factor) {
    this.factor = KerasFactors.of(new double[] {factor}, -1, 1, "factor");
  }

  /** Draws in (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomColorDegeneration(double lower, double upper) {
    this.factor = KerasFactors.of(new double[] {lower, upper}, -1, 1, "factor");
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor u = ImageColors.perSample(ops, uniform(ops, ops.dimension(x, 0), (float) factor[0], (float) factor[1]));
    Tensor y = ops.add(x, ops.multiply(u, ops.subtract(ImageColors.grayscale(ops, x, name()), x)));
    return ops.clip(y, (float) range()[0], (float) range()[1]);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    if (s.rank() == 4 && s.get(3) != 3 && s.get(3) != -1) {
      throw new IllegalArgumentException("Layer '" + name() + "': input images must have 3 channels, but received "
          + "images with " + s.get(3) + " channels.");
    }
    return super.computeOutputShapes(in, dtypes);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    return c;
  }

  /** A RandomColorDegeneration layer from its Keras config (Keras' {@code RandomColorDegeneration.from_config}). */
  public static RandomColorDegeneration fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomColorDegeneration", config);
    double[] f = KerasFactors.read(c, "factor", null, -1, 1);
    return withColorConfig(new RandomColorDegeneration(f[0], f[1]), c);
  }
}
