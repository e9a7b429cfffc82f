package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code num_ops} augmentations chosen at random among eleven, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandAugment(value_range=(0, 255), num_ops=2, factor=0.5,
 * interpolation="bilinear", seed=None)}: per call, {@code num_ops} indices are drawn uniformly among RandomShear,
 * RandomTranslation, RandomRotation, RandomBrightness, RandomColorDegeneration, RandomContrast, RandomSharpness,
 * RandomPosterization, Solarization, AutoContrast and Equalization (each built from {@code factor}, one number f
 * meaning (0, f)), and the chosen ones are applied in turn to the whole batch; each augmentation's own draws are
 * made once per call. Only the images (the first input) change.
 * <pre>{@code model.add(new RandAugment().numOps(3).factor(0.3));}</pre>
 */
public class RandAugment extends BaseImageColorLayer<RandAugment> {
  private int numOps = 2;
  private double[] factor = {0, 0.5};
  private String interpolation = "bilinear";
  private List<RandomImageLayer<?>> parts; // made at the first call, once the settings are fixed

  /** Two operations of factor (0, 0.5). */
  public RandAugment() {}

  /** Sets the number of augmentations applied (Keras' {@code num_ops=}), at least 0. Default 2. */
  public RandAugment numOps(int numOps) {
    checkNotBuilt("num_ops");
    if (numOps < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': `num_ops` must be non-negative. Received: num_ops="
          + numOps);
    }
    this.numOps = numOps;
    return this;
  }

  /** Sets the augmentations' factor (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 0.5: (0, 0.5). */
  public RandAugment factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets the augmentations' factor (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandAugment factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  /** Sets the geometric augmentations' "bilinear" or "nearest" (Keras' {@code interpolation=}). Default bilinear. */
  public RandAugment interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    if (!List.of("bilinear", "nearest").contains(interpolation)) {
      throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
          + "[bilinear, nearest].");
    }
    this.interpolation = interpolation;
    return this;
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    List<String> names = AugmentationParts.RAND_AUGMENT;
    int n = names.size();
    Tensor indices = ops.floor(draw(ops, ImageColors.shape1(ops, Math.max(numOps, 1)), 0, n));
    if (parts == null) {
      parts = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        parts.add(AugmentationParts.part(names.get(k), factor, range(), interpolation, seedValue() + 1 + k));
      }
    }
    Tensor images = x;
    for (int i = 0; i < numOps; i++) {
      Tensor chosen = ops.reshape(ops.slice(indices, new int[] {i}, new int[] {1}), new long[0]);
      Tensor next = images;
      for (int k = 0; k < n; k++) {
        Tensor y = parts.get(k).augmentPart(ops, List.of(images), this).get(0);
        Tensor pick = ops.broadcastTo(ops.equal(chosen, ops.constant((float) k)), ops.shapeOf(images));
        next = ops.where(pick, y, next);
      }
      images = next;
    }
    return images;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_ops", numOps);
    c.put("factor", ConfigLists.of(factor));
    c.put("interpolation", interpolation);
    return c;
  }

  /** A RandAugment layer from its Keras config (Keras' {@code RandAugment.from_config}). */
  public static RandAugment fromConfig(Map<String, Object> config) {
    Config c = new Config("RandAugment", config);
    RandAugment r = new RandAugment().numOps(c.integer("num_ops", 2))
        .interpolation(c.string("interpolation", "bilinear"));
    r.factor = KerasFactors.read(c, "factor", new double[] {0.5}, 0, 1);
    return withColorConfig(r, c);
  }
}
