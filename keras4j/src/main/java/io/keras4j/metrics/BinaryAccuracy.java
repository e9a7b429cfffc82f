package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * How often {@code y_pred > threshold} matches the 0/1 label.
 *
 * <p>Keras equivalent: {@code keras.metrics.BinaryAccuracy(name="binary_accuracy", dtype=None, threshold=0.5)}.
 * <pre>{@code new BinaryAccuracy().threshold(0.7)}</pre>
 */
public class BinaryAccuracy extends BaseMean<BinaryAccuracy> {
  private double threshold = 0.5;

  /** The metric with Keras' defaults. */
  public BinaryAccuracy() {
    super("binary_accuracy");
  }

  /** Sets the probability above which a prediction is 1 (Keras' {@code threshold=}). Default 0.5. */
  public BinaryAccuracy threshold(double threshold) {
    this.threshold = threshold;
    return this;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.binaryAccuracy(yTrue, yPred, threshold), withMaskOf(yPred, sampleWeight));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("threshold", threshold);
    return c;
  }

  /** The metric of Keras' config (Keras' {@code BinaryAccuracy.from_config}). */
  public static BinaryAccuracy fromConfig(Map<String, Object> config) {
    Config c = new Config("BinaryAccuracy", config);
    return withBaseConfig(new BinaryAccuracy().threshold(c.number("threshold", 0.5)), c);
  }
}
