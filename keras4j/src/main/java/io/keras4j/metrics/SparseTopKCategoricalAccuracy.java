package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * How often the integer label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseTopKCategoricalAccuracy(k=5,
 * name="sparse_top_k_categorical_accuracy", dtype=None)}.
 * <pre>{@code new SparseTopKCategoricalAccuracy().k(3)}</pre>
 */
public class SparseTopKCategoricalAccuracy extends BaseTopKAccuracy<SparseTopKCategoricalAccuracy> {
  /** The metric with Keras' defaults. */
  public SparseTopKCategoricalAccuracy() {
    super("sparse_top_k_categorical_accuracy");
  }

  @Override
  protected Tensor hits(Tensor yTrue, Tensor yPred, int k) {
    return MetricFunctions.sparseTopKCategoricalAccuracy(yTrue, yPred, k);
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
