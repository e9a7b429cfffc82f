package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.losses.Loss;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * {@code sqrt(mean((y_pred - y_true)^2))} over every element seen in the epoch: the square root of the running mean
 * squared error, not the mean of per-batch roots.
 *
 * <p>Keras equivalent: {@code keras.metrics.RootMeanSquaredError(name="root_mean_squared_error", dtype=None)}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new RootMeanSquaredError())}</pre>
 */
public class RootMeanSquaredError extends BaseMean<RootMeanSquaredError> {
  /** The metric with Keras' defaults. */
  public RootMeanSquaredError() {
    super("root_mean_squared_error");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    Tensor p = ops.cast(yPred, "float32");
    Tensor t = Loss.matchRank(ops, ops.cast(yTrue, "float32"), p);
    return update(ops.square(ops.subtract(p, t)), sampleWeight);
  }

  @Override
  public Tensor result() {
    return ops().sqrt(super.result());
  }

  /** The metric of Keras' config (Keras' {@code RootMeanSquaredError.from_config}). */
  public static RootMeanSquaredError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new RootMeanSquaredError(), new Config("RootMeanSquaredError", config));
  }
}
