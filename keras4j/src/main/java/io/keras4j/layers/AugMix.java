package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Mixes each batch with several chains of random augmentations (AugMix), in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.AugMix(value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3,
 * alpha=1.0, all_ops=True, interpolation="bilinear", seed=None)}: per call, chain weights w ~ Dirichlet(alpha) and
 * a weight m ~ Beta(alpha, alpha); each chain applies {@code chain_depth} steps, each step one augmentation chosen
 * uniformly among the eleven of {@link RandAugment} (seven without {@code all_ops}) or none; the output is
 * {@code m x + (1 - m) sum_i w_i chain_i(x)} clipped to the value range. Only the images (the first input) change.
 * Porting note: Keras chooses the steps with Python's {@code random} when it traces (once per trace in a
 * {@code tf.function}, at every call eagerly); keras4j draws them in the graph, anew at every call.
 * <pre>{@code model.add(new AugMix().numChains(2).chainDepth(2));}</pre>
 */
public class AugMix extends BaseImageColorLayer<AugMix> {
  private int numChains = 3;
  private int chainDepth = 3;
  private double[] factor = {0, 0.3};
  private double alpha = 1.0;
  private boolean allOps = true;
  private String interpolation = "bilinear";
  private List<RandomImageLayer<?>> parts; // made at the first call, once the settings are fixed

  /** AugMix with Keras' defaults. */
  public AugMix() {}

  /** Sets the number of chains (Keras' {@code num_chains=}), at least 1. Default 3. */
  public AugMix numChains(int numChains) {
    checkNotBuilt("num_chains");
    this.numChains = positive(numChains, "num_chains");
    return this;
  }

  /** Sets the steps per chain (Keras' {@code chain_depth=}), at least 1. Default 3. */
  public AugMix chainDepth(int chainDepth) {
    checkNotBuilt("chain_depth");
    this.chainDepth = positive(chainDepth, "chain_depth");
    return this;
  }

  private int positive(int v, String key) {
    if (v < 1) {
      throw new IllegalArgumentException("Layer '" + name() + "': `" + key + "` must be a positive integer. "
          + "Received: " + key + "=" + v);
    }
    return v;
  }

  /** Sets the augmentations' factor (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 0.3: (0, 0.3). */
  public AugMix factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets the augmentations' factor (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public AugMix factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  /** Sets the Dirichlet and Beta parameter, positive (Keras' {@code alpha=}). Default 1.0. */
  public AugMix alpha(double alpha) {
    checkNotBuilt("alpha");
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `alpha` must be positive. Received: alpha=" + alpha);
    }
    this.alpha = alpha;
    return this;
  }

  /** Sets whether the colour augmentations are among the choices too (Keras' {@code all_ops=}). Default true. */
  public AugMix allOps(boolean allOps) {
    checkNotBuilt("all_ops");
    this.allOps = allOps;
    return this;
  }

  /** Sets the geometric augmentations' "bilinear" or "nearest" (Keras' {@code interpolation=}). Default bilinear. */
  public AugMix interpolation(String interpolation) {
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
    List<String> names = allOps ? AugmentationParts.AUG_MIX_ALL : AugmentationParts.AUG_MIX;
    int n = names.size();
    Tensor a = ops.constant((float) alpha);
    Tensor g = gamma(ops, ImageColors.shape1(ops, numChains), a);
    Tensor weights = ops.divide(g, ops.sum(g, null, false));
    Tensor mix = ops.reshape(beta(ops, ImageColors.shape1(ops, 1), a), new long[0]);
    Tensor choices = ops.floor(draw(ops, ImageColors.shape1(ops, numChains * chainDepth), 0, n + 1));
    Tensor aug = ops.zerosLike(x);
    if (parts == null) {
      parts = new java.util.ArrayList<>();
      for (int step = 0; step < numChains * chainDepth; step++) {
        for (int k = 0; k < n; k++) {
          parts.add(AugmentationParts.part(names.get(k), factor, range(), interpolation,
              seedValue() + 1 + (long) step * n + k));
        }
      }
    }
    for (int c = 0; c < numChains; c++) {
      Tensor images = x;
      for (int d = 0; d < chainDepth; d++) {
        int step = c * chainDepth + d;
        Tensor chosen = ops.reshape(ops.slice(choices, new int[] {step}, new int[] {1}), new long[0]);
        Tensor next = images;
        for (int k = 0; k < n; k++) {
          RandomImageLayer<?> part = parts.get(step * n + k);
          Tensor y = part.augmentPart(ops, List.of(images), this).get(0);
          next = ops.where(ops.broadcastTo(ops.equal(chosen, ops.constant((float) k)), ops.shapeOf(x)), y, next);
        }
        images = next;
      }
      Tensor w = ops.reshape(ops.slice(weights, new int[] {c}, new int[] {1}), new long[0]);
      aug = ops.add(aug, ops.multiply(images, w));
    }
    Tensor y = ops.add(ops.multiply(x, mix), ops.multiply(aug, ops.add(ops.negative(mix), 1f)));
    return ops.clip(y, (float) range()[0], (float) range()[1]);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_chains", numChains);
    c.put("chain_depth", chainDepth);
    c.put("factor", ConfigLists.of(factor));
    c.put("alpha", alpha);
    c.put("all_ops", allOps);
    c.put("interpolation", interpolation);
    return c;
  }

  /** An AugMix layer from its Keras config (Keras' {@code AugMix.from_config}). */
  public static AugMix fromConfig(Map<String, Object> config) {
    Config c = new Config("AugMix", config);
    AugMix m = new AugMix().numChains(c.integer("num_chains", 3)).chainDepth(c.integer("chain_depth", 3))
        .alpha(c.number("alpha", 1.0)).allOps(c.bool("all_ops", true))
        .interpolation(c.string("interpolation", "bilinear"));
    m.factor = KerasFactors.read(c, "factor", new double[] {0.3}, 0, 1);
    return withColorConfig(m, c);
  }
}
