package io.keras4j.metrics;

/**
 * How often the one-hot label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.TopKCategoricalAccuracy(k=5, name="top_k_categorical_accuracy")}.
 */
public class TopKCategoricalAccuracy extends MeanMetricWrapper {
  public TopKCategoricalAccuracy() {
    this(5);
  }

  public TopKCategoricalAccuracy(int k) {
    super("top_k_categorical_accuracy", (t, p) -> MetricFunctions.topKCategoricalAccuracy(t, p, k));
  }
}
