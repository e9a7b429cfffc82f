package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blends each image with another image of the batch by a Beta-distributed weight, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.MixUp(alpha=0.2, seed=None)}: a random permutation of the batch and per
 * image a weight w ~ Beta(alpha, alpha); the output is {@code w x + (1 - w) x[perm]}. Every input of a call (for
 * example one-hot label maps) is mixed with the same permutation and weights, as Keras mixes the labels.
 * <pre>{@code model.add(new MixUp().alpha(0.4));}</pre>
 */
public class MixUp extends RandomImageLayer<MixUp> {
  private double alpha = 0.2;

  /** MixUp with alpha 0.2. */
  public MixUp() {}

  /** Sets the Beta distribution's parameter, positive (Keras' {@code alpha=}). Default 0.2. */
  public MixUp alpha(double alpha) {
    checkNotBuilt("alpha");
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `alpha` must be positive. Received: alpha=" + alpha);
    }
    this.alpha = alpha;
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor batch = ops.dimension(inputs.get(0), 0);
    Tensor perm = permutation(ops, batch);
    Tensor w = ImageColors.perSample(ops, beta(ops, ops.reshape(batch, 1), ops.constant((float) alpha)));
    Tensor rest = ops.add(ops.negative(w), 1f);
    List<Tensor> out = new ArrayList<>();
    for (Tensor x : inputs) {
      out.add(ops.add(ops.multiply(w, x), ops.multiply(rest, ops.take(x, perm, 0))));
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    return c;
  }

  /** A MixUp layer from its Keras config (Keras' {@code MixUp.from_config}). */
  public static MixUp fromConfig(Map<String, Object> config) {
    Config c = new Config("MixUp", config);
    return withImageConfig(new MixUp().alpha(c.number("alpha", 0.2)), c);
  }
}
