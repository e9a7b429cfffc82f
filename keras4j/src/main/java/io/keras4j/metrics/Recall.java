package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code tp / (tp + fn)} of {@code y_pred > threshold}.
 *
 * <p>Keras equivalent: {@code keras.metrics.Recall(thresholds=None, name="recall")} (threshold 0.5).
 */
public class Recall extends ConfusionMetric {
  public Recall() {
    this(0.5);
  }

  public Recall(double threshold) {
    super("recall", new float[] {(float) threshold});
  }

  @Override
  public Tensor result() {
    Ops ops = ops();
    Tensor r = ops.divideNoNan(ops.read(tp), ops.add(ops.read(tp), ops.read(fn)));
    return ops.reshape(r);
  }
}
