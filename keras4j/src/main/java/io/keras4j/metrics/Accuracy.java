package io.keras4j.metrics;

/**
 * How often predictions equal labels exactly.
 *
 * <p>Keras equivalent: {@code keras.metrics.Accuracy(name="accuracy")}.
 */
public class Accuracy extends MeanMetricWrapper {
  public Accuracy() {
    this("accuracy");
  }

  public Accuracy(String name) {
    super(name, MetricFunctions::accuracy);
  }
}
