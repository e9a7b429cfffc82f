package io.keras4j.metrics;

/**
 * The mean of {@code (y_pred - y_true)^2}.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanSquaredError(name="mean_squared_error")}.
 */
public class MeanSquaredError extends MeanMetricWrapper {
  public MeanSquaredError() {
    this("mean_squared_error");
  }

  public MeanSquaredError(String name) {
    super(name, (t, p) -> new io.keras4j.losses.MeanSquaredError().call(io.keras4j.losses.Loss.matchRank(
        io.keras4j.backend.Backend.ops(), io.keras4j.backend.Backend.ops().cast(t, "float32"), p), p));
  }
}
