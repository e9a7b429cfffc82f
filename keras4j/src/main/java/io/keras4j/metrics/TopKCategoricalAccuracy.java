package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * How often the one-hot label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.TopKCategoricalAccuracy(k=5, name="top_k_categorical_accuracy",
 * dtype=None)}.
 * <pre>{@code new TopKCategoricalAccuracy().k(3)}</pre>
 */
public class TopKCategoricalAccuracy extends BaseMean<TopKCategoricalAccuracy> {
  private int k = 5;

  /** The metric with Keras' defaults. */
  public TopKCategoricalAccuracy() {
    super("top_k_categorical_accuracy");
  }

  /** Sets how many of the highest predictions count (Keras' {@code k=}). Default 5. */
  public TopKCategoricalAccuracy k(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("TopKCategoricalAccuracy: k must be >= 1. Received: k=" + k);
    }
    this.k = k;
    return this;
  }

  public int k() {
    return k;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.topKCategoricalAccuracy(yTrue, yPred, k), sampleWeight);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    return c;
  }

  /** The metric of Keras' config (Keras' {@code TopKCategoricalAccuracy.from_config}). */
  public static TopKCategoricalAccuracy fromConfig(Map<String, Object> config) {
    Config c = new Config("TopKCategoricalAccuracy", config);
    return withBaseConfig(new TopKCategoricalAccuracy().k(c.integer("k", 5)), c);
  }
}
