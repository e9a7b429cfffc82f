package io.keras4j.metrics;

import java.util.Map;

/**
 * How often {@code y_pred > threshold} matches the 0/1 label.
 *
 * <p>Keras equivalent: {@code keras.metrics.BinaryAccuracy(name="binary_accuracy", threshold=0.5)}.
 */
public class BinaryAccuracy extends MeanMetricWrapper {
  private final double threshold;

  public BinaryAccuracy() {
    this("binary_accuracy", 0.5);
  }

  public BinaryAccuracy(String name, double threshold) {
    super(name, (t, p) -> MetricFunctions.binaryAccuracy(t, p, threshold));
    this.threshold = threshold;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("threshold", threshold);
    return c;
  }
}
