package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * How often the integer label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseTopKCategoricalAccuracy(k=5,
 * name="sparse_top_k_categorical_accuracy", dtype=None, from_sorted_ids=False)}. With {@code from_sorted_ids},
 * y_pred holds each sample's class ids sorted from the highest score down, and a hit is the label among the first
 * {@code k} of them.
 * <pre>{@code new SparseTopKCategoricalAccuracy().k(3)}</pre>
 */
public class SparseTopKCategoricalAccuracy extends BaseTopKAccuracy<SparseTopKCategoricalAccuracy> {
  private boolean fromSortedIds;

  /** The metric with Keras' defaults. */
  public SparseTopKCategoricalAccuracy() {
    super("sparse_top_k_categorical_accuracy");
  }

  /**
   * Sets whether y_pred holds the class ids of each sample sorted by decreasing score, at least k of them, instead of
   * the scores of all classes (Keras' {@code from_sorted_ids=}). Default false.
   */
  public SparseTopKCategoricalAccuracy fromSortedIds(boolean fromSortedIds) {
    this.fromSortedIds = fromSortedIds;
    return this;
  }

  public boolean fromSortedIds() {
    return fromSortedIds;
  }

  @Override
  protected Tensor hits(Tensor yTrue, Tensor yPred, int k) {
    if (!fromSortedIds) {
      return MetricFunctions.sparseTopKCategoricalAccuracy(yTrue, yPred, k);
    }
    Ops ops = ops();
    long n = yPred.shape().get(-1);
    if (n >= 0 && n < k) {
      throw new IllegalArgumentException("SparseTopKCategoricalAccuracy '" + name() + "': with from_sorted_ids, "
          + "y_pred needs at least k=" + k + " ids per sample. Received: y_pred shape " + yPred.shape());
    }
    Tensor p = ops.cast(yPred, "float32");
    p = ops.reshape(p, -1, n);
    Tensor t = ops.reshape(ops.cast(yTrue, "float32"), -1, 1);
    Tensor firstK = ops.slice(p, new int[] {0, 0}, new int[] {-1, k});
    return ops.cast(ops.greater(ops.sum(ops.cast(ops.equal(t, firstK), "float32"), new int[] {1}, false),
        ops.constant(0f)), "float32");
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    if (fromSortedIds) {
      c.put("from_sorted_ids", true);
    }
    return c;
  }

  /** The metric of Keras' config (Keras' {@code SparseTopKCategoricalAccuracy.from_config}). */
  public static SparseTopKCategoricalAccuracy fromConfig(Map<String, Object> config) {
    Config c = new Config("SparseTopKCategoricalAccuracy", config);
    return withBaseConfig(new SparseTopKCategoricalAccuracy().k(c.integer("k", 5))
        .fromSortedIds(c.bool("from_sorted_ids", false)), c);
  }
}
