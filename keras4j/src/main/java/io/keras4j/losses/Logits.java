package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Tensor;

/**
 * The logits behind a softmax or sigmoid output, which Keras' TensorFlow backend uses for the cross-entropies: when
 * {@code y_pred} is the output of a {@code Softmax} (categorical) or {@code Sigmoid} (binary) op, the loss is computed
 * from that op's input as with {@code from_logits=True}, without clipping the probabilities to [1e-7, 1-1e-7]. A
 * model ending in {@code Dense(n, activation="softmax")} so trains and reports the same losses as in Keras even where
 * its probabilities saturate, and the loss takes TensorFlow's fused kernel.
 *
 * <p>Keras equivalent: {@code _get_logits} in keras/src/backend/tensorflow/nn.py, with its warning when
 * {@code from_logits=True} is passed for such an output. Porting note: Keras also finds the logits of a softmax along
 * an axis other than the last (its {@code _keras_logits} attribute); keras4j only finds those of the last axis.
 */
final class Logits {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Logits.class);

  private Logits() {}

  /**
   * The input of the {@code opType} op that produced {@code yPred}, or null when another op did (then the loss uses
   * {@code yPred} as {@code fromLogits} says).
   */
  static Tensor of(Tensor yPred, String opType, boolean fromLogits, String lossName) {
    Tensor logits = Backend.ops().logitsOf(yPred, opType);
    if (logits != null && fromLogits) {
      LOG.warn("`{}` received `from_logits=True`, but the `output` argument was produced by a {} activation and thus"
          + " does not represent logits. Was this intended?", lossName, opType);
    }
    return logits;
  }
}
