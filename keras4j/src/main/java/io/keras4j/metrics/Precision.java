package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code tp / (tp + fp)} of {@code y_pred > threshold}.
 *
 * <p>Keras equivalent: {@code keras.metrics.Precision(thresholds=None, name="precision")} (threshold 0.5).
 */
public class Precision extends ConfusionMetric {
  public Precision() {
    this(0.5);
  }

  public Precision(double threshold) {
    super("precision", new float[] {(float) threshold});
  }

  @Override
  public Tensor result() {
    Ops ops = ops();
    Tensor r = ops.divideNoNan(ops.read(tp), ops.add(ops.read(tp), ops.read(fp)));
    return ops.reshape(r);
  }
}
