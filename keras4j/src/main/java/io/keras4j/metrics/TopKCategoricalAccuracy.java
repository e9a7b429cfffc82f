package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * How often the one-hot label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.TopKCategoricalAccuracy(k=5, name="top_k_categorical_accuracy",
 * dtype=None)}.
 * <pre>{@code new TopKCategoricalAccuracy().k(3)}</pre>
 */
public class TopKCategoricalAccuracy extends BaseTopKAccuracy<TopKCategoricalAccuracy> {
  /** The metric with Keras' defaults. */
  public TopKCategoricalAccuracy() {
    super("top_k_categorical_accuracy");
  }

  @Override
  protected Tensor hits(Tensor yTrue, Tensor yPred, int k) {
    return MetricFunctions.topKCategoricalAccuracy(yTrue, yPred, k);
  }

  /** The metric of Keras' config (Keras' {@code TopKCategoricalAccuracy.from_config}). */
  public static TopKCategoricalAccuracy fromConfig(Map<String, Object> config) {
    Config c = new Config("TopKCategoricalAccuracy", config);
    return withBaseConfig(new TopKCategoricalAccuracy().k(c.integer("k", 5)), c);
  }
}
