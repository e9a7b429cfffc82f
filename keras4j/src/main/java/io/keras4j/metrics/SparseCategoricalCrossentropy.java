package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The mean over the samples of the cross-entropy of integer class labels against class probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseCategoricalCrossentropy(name="sparse_categorical_crossentropy",
 * dtype=None, from_logits=False, ignore_class=None, axis=-1)}, the mean of
 * {@code keras.losses.sparse_categorical_crossentropy}; the per-sample values are those of
 * {@link io.keras4j.losses.SparseCategoricalCrossentropy}. Samples labelled {@code ignore_class} count 0; as in
 * Keras 3.15.1 they leave the mean's count only when sample weights are given.
 * <pre>{@code new SparseCategoricalCrossentropy().fromLogits(true).ignoreClass(0)}</pre>
 */
public class SparseCategoricalCrossentropy
    extends LossMean<SparseCategoricalCrossentropy, io.keras4j.losses.SparseCategoricalCrossentropy> {
  private boolean fromLogits;
  private Integer ignoreClass;

  /** The metric with Keras' defaults. */
  public SparseCategoricalCrossentropy() {
    super("sparse_categorical_crossentropy", new io.keras4j.losses.SparseCategoricalCrossentropy());
  }

  /** Sets whether y_pred are logits rather than probabilities (Keras' {@code from_logits=}). Default false. */
  public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
    loss().fromLogits(fromLogits);
    this.fromLogits = fromLogits;
    return this;
  }

  /** Sets a label whose samples contribute no value (Keras' {@code ignore_class=}). Default none. */
  public SparseCategoricalCrossentropy ignoreClass(int ignoreClass) {
    loss().ignoreClass(ignoreClass);
    this.ignoreClass = ignoreClass;
    return this;
  }

  /**
   * Sets the axis holding the classes (Keras' {@code axis=}). Default -1. Porting note: keras4j's sparse
   * cross-entropy reads the classes from the last axis only; another axis is refused.
   */
  public SparseCategoricalCrossentropy axis(int axis) {
    if (axis != -1) {
      throw new IllegalArgumentException("SparseCategoricalCrossentropy '" + name() + "': only the last axis holds "
          + "the classes; expected axis=-1. Received: axis=" + axis);
    }
    return this;
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  /** The ignored label, or null. */
  public Integer ignoreClass() {
    return ignoreClass;
  }

  public int axis() {
    return -1;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    sampleWeight = withMaskOf(yPred, sampleWeight);
    Tensor values = values(yTrue, yPred);
    if (ignoreClass != null && sampleWeight != null) {
      // Keras masks the ignored samples out of the weights (and so out of the count) only when weights are given
      Ops ops = ops();
      Tensor labels = ops.cast(yTrue, "float32");
      if (labels.rank() == yPred.rank() && labels.shape().get(-1) == 1) {
        labels = ops.squeeze(labels, -1);
      }
      Tensor valid = ops.cast(ops.notEqual(labels, ops.constant((float) ignoreClass)), "float32");
      sampleWeight = ops.multiply(weightLike(sampleWeight, valid), valid);
    }
    return update(values, sampleWeight);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("ignore_class", ignoreClass);
    c.put("axis", -1);
    return c;
  }

  /** The metric of Keras' config (Keras' {@code SparseCategoricalCrossentropy.from_config}). */
  public static SparseCategoricalCrossentropy fromConfig(Map<String, Object> config) {
    Config c = new Config("SparseCategoricalCrossentropy", config);
    SparseCategoricalCrossentropy m = new SparseCategoricalCrossentropy().fromLogits(c.bool("from_logits", false))
        .axis(c.integer("axis", -1));
    if (c.has("ignore_class")) {
      m.ignoreClass(c.integer("ignore_class", 0));
    }
    return withBaseConfig(m, c);
  }
}
