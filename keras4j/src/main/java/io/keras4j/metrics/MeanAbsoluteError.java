package io.keras4j.metrics;

/**
 * The mean of {@code |y_pred - y_true|}.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanAbsoluteError(name="mean_absolute_error")}.
 */
public class MeanAbsoluteError extends MeanMetricWrapper {
  public MeanAbsoluteError() {
    this("mean_absolute_error");
  }

  public MeanAbsoluteError(String name) {
    super(name, (t, p) -> new io.keras4j.losses.MeanAbsoluteError().call(io.keras4j.losses.Loss.matchRank(
        io.keras4j.backend.Backend.ops(), io.keras4j.backend.Backend.ops().cast(t, "float32"), p), p));
  }
}
