package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Cross-entropy of one-hot labels against class probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.0,
 * axis=-1)}: probabilities are renormalised to sum 1 and clipped to [1e-7, 1-1e-7], then {@code -sum(t log p)}.
 */
public class CategoricalCrossentropy extends Loss {
  private boolean fromLogits;
  private double labelSmoothing;

  public CategoricalCrossentropy() {
    super("categorical_crossentropy");
  }

  /** Sets whether y_pred are logits (Keras' {@code from_logits=}). Default false. */
  public CategoricalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** Sets label smoothing: labels become {@code t(1-s) + s/num_classes} (Keras' {@code label_smoothing=}). Default 0. */
  public CategoricalCrossentropy labelSmoothing(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException("label_smoothing must be in [0, 1]. Received: label_smoothing=" + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
    return this;
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = yTrue;
    if (labelSmoothing > 0) {
      long classes = yPred.shape().get(-1);
      t = ops.add(ops.multiply(t, (float) (1 - labelSmoothing)), (float) (labelSmoothing / classes));
    }
    return crossentropy(t, yPred, fromLogits);
  }

  /** {@code -sum(t log p)} over the last axis, Keras' backend formulation. */
  static Tensor crossentropy(Tensor t, Tensor p, boolean fromLogits) {
    Ops ops = ops();
    if (fromLogits) {
      return ops.negative(sumLast(ops.multiply(t, ops.logSoftmax(p, -1))));
    }
    float eps = Backend.epsilon();
    Tensor o = ops.divide(p, ops.sum(p, new int[] {-1}, true));
    o = ops.clip(o, eps, 1 - eps);
    return ops.negative(sumLast(ops.multiply(t, ops.log(o))));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", -1);
    return c;
  }
}
