package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * How often the integer label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseTopKCategoricalAccuracy(k=5,
 * name="sparse_top_k_categorical_accuracy", dtype=None)}.
 * <pre>{@code new SparseTopKCategoricalAccuracy().k(3)}</pre>
 */
public class SparseTopKCategoricalAccuracy extends BaseMean<SparseTopKCategoricalAccuracy> {
  private int k = 5;

  /** The metric with Keras' defaults. */
  public SparseTopKCategoricalAccuracy() {
    super("sparse_top_k_categorical_accuracy");
  }

  /** Sets how many of the highest predictions count (Keras' {@code k=}). Default 5. */
  public SparseTopKCategoricalAccuracy k(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("SparseTopKCategoricalAccuracy: k must be >= 1. Received: k=" + k);
    }
    this.k = k;
    return this;
  }

  public int k() {
    return k;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.sparseTopKCategoricalAccuracy(yTrue, yPred, k), sampleWeight);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    return c;
  }

  /** The metric of Keras' config (Keras' {@code SparseTopKCategoricalAccuracy.from_config}). */
  public static SparseTopKCategoricalAccuracy fromConfig(Map<String, Object> config) {
    Config c = new Config("SparseTopKCategoricalAccuracy", config);
    if (c.bool("from_sorted_ids", false)) {
      throw new IllegalArgumentException("SparseTopKCategoricalAccuracy: from_sorted_ids=True (predictions given as "
          + "sorted class ids) is not supported; expected from_sorted_ids=False. Received: " + config);
    }
    return withBaseConfig(new SparseTopKCategoricalAccuracy().k(c.integer("k", 5)), c);
  }
}
