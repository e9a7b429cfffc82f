package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Cross-entropy of 0/1 labels against probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1,
 * reduction="sum_over_batch_size", name="binary_crossentropy")}: {@code -mean(t log(p) + (1-t) log(1-p))} over
 * {@code axis}, p clipped to [1e-7, 1-1e-7]; label smoothing makes the labels {@code t(1-s) + s/2}. The output of a
 * sigmoid is taken from its logits, as Keras' TensorFlow backend does ({@link Logits}).
 * <pre>{@code new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1)}</pre>
 */
public class BinaryCrossentropy extends BaseCrossentropy<BinaryCrossentropy> {
  /** Binary cross-entropy with Keras' defaults. */
  public BinaryCrossentropy() {
    super("binary_crossentropy");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    return ops().mean(elementwise(smooth(yTrue, labelSmoothing()), yPred, fromLogits()), new int[] {axis()}, false);
  }

  static Tensor smooth(Tensor yTrue, double s) {
    if (s == 0) {
      return yTrue;
    }
    Ops ops = ops();
    return ops.add(ops.multiply(yTrue, (float) (1 - s)), (float) (0.5 * s));
  }

  /**
   * Elementwise binary cross-entropy, as Keras' TensorFlow backend computes it: from logits when given or when
   * {@code p} is a sigmoid's output (see {@link Logits}).
   */
  static Tensor elementwise(Tensor t, Tensor p, boolean fromLogits) {
    Ops ops = ops();
    Tensor logits = Logits.of(p, "Sigmoid", fromLogits, "binary_crossentropy");
    if (logits != null) {
      return elementwise(t, logits, true);
    }
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

  /** The loss of Keras' config (Keras' {@code BinaryCrossentropy.from_config}). */
  public static BinaryCrossentropy fromConfig(Map<String, Object> config) {
    return withCrossentropyConfig(new BinaryCrossentropy(), new Config("BinaryCrossentropy", config));
  }
}
