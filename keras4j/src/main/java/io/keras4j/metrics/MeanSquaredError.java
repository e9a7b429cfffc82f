package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The mean of {@code (y_pred - y_true)^2}.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanSquaredError(name="mean_squared_error", dtype=None)}.
 */
public class MeanSquaredError extends BaseMean<MeanSquaredError> {
  /** The metric with Keras' defaults. */
  public MeanSquaredError() {
    super("mean_squared_error");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.squaredError(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }

  /** The metric of Keras' config (Keras' {@code MeanSquaredError.from_config}). */
  public static MeanSquaredError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanSquaredError(), new Config("MeanSquaredError", config));
  }
}
