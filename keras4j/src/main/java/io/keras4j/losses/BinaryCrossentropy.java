package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Cross-entropy of 0/1 labels against probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)}:
 * {@code -mean(t log(p) + (1-t) log(1-p))} over the last axis, p clipped to [1e-7, 1-1e-7].
 * <pre>{@code new BinaryCrossentropy().fromLogits(true)}</pre>
 */
public class BinaryCrossentropy extends Loss {
  private boolean fromLogits;
  private double labelSmoothing;

  public BinaryCrossentropy() {
    super("binary_crossentropy");
  }

  /** Sets whether y_pred are logits (Keras' {@code from_logits=}). Default false. */
  public BinaryCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** Sets label smoothing: labels become {@code t(1-s) + s/2} (Keras' {@code label_smoothing=}). Default 0. */
  public BinaryCrossentropy labelSmoothing(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException("label_smoothing must be in [0, 1]. Received: label_smoothing=" + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
    return this;
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    return meanLast(elementwise(smooth(yTrue, labelSmoothing), yPred, fromLogits));
  }

  static Tensor smooth(Tensor yTrue, double s) {
    if (s == 0) {
      return yTrue;
    }
    Ops ops = ops();
    return ops.add(ops.multiply(yTrue, (float) (1 - s)), (float) (0.5 * s));
  }

  /** Elementwise binary cross-entropy, as Keras' backend computes it. */
  static Tensor elementwise(Tensor t, Tensor p, boolean fromLogits) {
    Ops ops = ops();
    if (fromLogits) {
      // max(x, 0) - x t + log(1 + exp(-|x|)), stable for any logit
      return ops.add(ops.subtract(ops.relu(p), ops.multiply(p, t)), ops.log1p(ops.exp(ops.negative(ops.abs(p)))));
    }
    float eps = Backend.epsilon();
    Tensor o = ops.clip(p, eps, 1 - eps);
    Tensor bce = ops.add(ops.multiply(t, ops.log(o)),
        ops.multiply(ops.add(ops.negative(t), 1f), ops.log(ops.add(ops.negative(o), 1f))));
    return ops.negative(bce);
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
