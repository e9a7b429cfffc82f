package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Cross-entropy of integer class labels against class probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.losses.SparseCategoricalCrossentropy(from_logits=False, ignore_class=None,
 * reduction="sum_over_batch_size", name="sparse_categorical_crossentropy")}.
 * As in Keras' TensorFlow backend, the output of a softmax is replaced by its logits (see {@link Logits}).
 * Porting note: TensorFlow's C gradient registry lacks SparseSoftmaxCrossEntropyWithLogits, so the labels are
 * one-hot encoded in the graph for SoftmaxCrossEntropyWithLogits; the value is the same. With {@code ignore_class}
 * the ignored labels are masked as Keras masks them: "sum_over_batch_size" averages over the other labels only.
 */
public class SparseCategoricalCrossentropy extends BaseLoss<SparseCategoricalCrossentropy> {
  private boolean fromLogits;
  private Integer ignoreClass;

  /** Sparse categorical cross-entropy with Keras' defaults. */
  public SparseCategoricalCrossentropy() {
    super("sparse_categorical_crossentropy");
  }

  /** Sets whether y_pred are logits (Keras' {@code from_logits=}). Default false. */
  public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** Sets a label whose samples contribute no loss (Keras' {@code ignore_class=}). Default none. */
  public SparseCategoricalCrossentropy ignoreClass(int ignoreClass) {
    this.ignoreClass = ignoreClass;
    return this;
  }

  /** The label whose samples contribute no loss, or null when none ({@code ignore_class}). */
  public Integer ignoreClass() {
    return ignoreClass;
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor labels = yTrue;
    if (labels.rank() == yPred.rank() && labels.shape().get(-1) == 1) {
      labels = ops.squeeze(labels, -1);
    }
    Tensor valid = null;
    if (ignoreClass != null) {
      valid = ops.cast(ops.notEqual(labels, ops.constant((float) ignoreClass)), "float32");
      labels = ops.multiply(labels, valid);
    }
    Tensor oneHot = ops.oneHot(ops.cast(labels, "int32"), (int) yPred.shape().get(-1));
    Tensor logits = Logits.of(yPred, "Softmax", fromLogits, "sparse_categorical_crossentropy");
    if (logits == null) {
      float eps = Backend.epsilon();
      logits = fromLogits ? yPred : ops.log(ops.clip(yPred, eps, 1 - eps));
    }
    Tensor loss = ops.softmaxCrossEntropyWithLogits(ops.cast(oneHot, logits.dtype()), logits);
    return valid == null ? loss : ops.multiply(loss, valid);
  }

  /** With {@code ignore_class}: 1 where the label is another class (Keras' mask on the loss). */
  @Override
  protected Tensor mask(Tensor yTrue, Tensor yPred) {
    if (ignoreClass == null) {
      return null;
    }
    Ops ops = ops();
    Tensor labels = yTrue;
    if (labels.rank() == yPred.rank() && labels.shape().get(-1) == 1) {
      labels = ops.squeeze(labels, -1);
    }
    return ops.cast(ops.notEqual(labels, ops.constant((float) ignoreClass)), "float32");
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("ignore_class", ignoreClass);
    return c;
  }

  /** The loss of Keras' config (Keras' {@code SparseCategoricalCrossentropy.from_config}). */
  public static SparseCategoricalCrossentropy fromConfig(Map<String, Object> config) {
    Config c = new Config("SparseCategoricalCrossentropy", config);
    if (c.integer("axis", -1) != -1) {
      throw new IllegalArgumentException("SparseCategoricalCrossentropy: only the last axis holds the classes; "
          + "expected axis=-1. Received: axis=" + c.get("axis"));
    }
    SparseCategoricalCrossentropy l = new SparseCategoricalCrossentropy().fromLogits(c.bool("from_logits", false));
    if (c.has("ignore_class")) {
      l.ignoreClass(c.integer("ignore_class", 0));
    }
    return withBaseConfig(l, c);
  }
}
