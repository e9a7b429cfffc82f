package io.keras4j.metrics;

/**
 * How often argmax of the prediction equals the integer label.
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseCategoricalAccuracy(name="sparse_categorical_accuracy")}.
 */
public class SparseCategoricalAccuracy extends MeanMetricWrapper {
  public SparseCategoricalAccuracy() {
    this("sparse_categorical_accuracy");
  }

  public SparseCategoricalAccuracy(String name) {
    super(name, MetricFunctions::sparseCategoricalAccuracy);
  }
}
