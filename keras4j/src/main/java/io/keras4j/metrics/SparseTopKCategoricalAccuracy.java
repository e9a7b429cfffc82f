package io.keras4j.metrics;

/**
 * How often the integer label is among the {@code k} highest predictions.
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseTopKCategoricalAccuracy(k=5)}.
 */
public class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  public SparseTopKCategoricalAccuracy() {
    this(5);
  }

  public SparseTopKCategoricalAccuracy(int k) {
    super("sparse_top_k_categorical_accuracy", (t, p) -> MetricFunctions.sparseTopKCategoricalAccuracy(t, p, k));
  }
}
