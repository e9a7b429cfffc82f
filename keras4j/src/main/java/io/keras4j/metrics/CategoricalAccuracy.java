package io.keras4j.metrics;

/**
 * How often argmax of the prediction equals argmax of the one-hot label.
 *
 * <p>Keras equivalent: {@code keras.metrics.CategoricalAccuracy(name="categorical_accuracy")}.
 */
public class CategoricalAccuracy extends MeanMetricWrapper {
  public CategoricalAccuracy() {
    this("categorical_accuracy");
  }

  public CategoricalAccuracy(String name) {
    super(name, MetricFunctions::categoricalAccuracy);
  }
}
