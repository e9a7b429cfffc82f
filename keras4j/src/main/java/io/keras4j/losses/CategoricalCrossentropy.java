package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Cross-entropy of one-hot labels against class probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.0,
 * axis=-1, reduction="sum_over_batch_size", name="categorical_crossentropy")}: probabilities are renormalised to
 * sum 1 along {@code axis} and clipped to [1e-7, 1-1e-7], then {@code -sum(t log p)}; label smoothing makes the
 * labels {@code t(1-s) + s/num_classes}. The output of a last-axis softmax is taken from its logits, as Keras' TensorFlow
 * backend does ({@link Logits}).
 * <pre>{@code new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1)}</pre>
 */
public class CategoricalCrossentropy extends BaseCrossentropy<CategoricalCrossentropy> {
  /** Categorical cross-entropy with Keras' defaults. */
  public CategoricalCrossentropy() {
    super("categorical_crossentropy");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = yTrue;
    double s = labelSmoothing();
    if (s > 0) {
      long classes = yPred.shape().get(axis());
      t = ops.add(ops.multiply(t, (float) (1 - s)), (float) (s / classes));
    }
    return crossentropy(t, yPred, fromLogits(), axis());
  }

  /**
   * {@code -sum(t log p)} along {@code axis}, Keras' TensorFlow backend formulation: from logits (given, or those of
   * a softmax output, see {@link Logits}) along the last axis by TensorFlow's fused kernel.
   */
  static Tensor crossentropy(Tensor t, Tensor p, boolean fromLogits, int axis) {
    Ops ops = ops();
    int[] axes = {axis};
    boolean last = axis == -1 || axis == p.rank() - 1;
    Tensor logits = last ? Logits.of(p, "Softmax", fromLogits, "categorical_crossentropy") : null;
    if (logits != null || (fromLogits && last)) {
      return ops.softmaxCrossEntropyWithLogits(t, logits != null ? logits : p);
    }
    if (fromLogits) {
      return ops.negative(ops.sum(ops.multiply(t, ops.logSoftmax(p, axis)), axes, false));
    }
    float eps = Backend.epsilon();
    Tensor o = ops.divide(p, ops.sum(p, axes, true));
    o = ops.clip(o, eps, 1 - eps);
    return ops.negative(ops.sum(ops.multiply(t, ops.log(o)), axes, false));
  }

  /** The loss of Keras' config (Keras' {@code CategoricalCrossentropy.from_config}). */
  public static CategoricalCrossentropy fromConfig(Map<String, Object> config) {
    return withCrossentropyConfig(new CategoricalCrossentropy(), new Config("CategoricalCrossentropy", config));
  }
}
