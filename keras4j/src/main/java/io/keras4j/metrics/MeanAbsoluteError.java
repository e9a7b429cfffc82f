package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The mean of {@code |y_pred - y_true|}.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanAbsoluteError(name="mean_absolute_error", dtype=None)}.
 */
public class MeanAbsoluteError extends BaseMean<MeanAbsoluteError> {
  /** The metric with Keras' defaults. */
  public MeanAbsoluteError() {
    super("mean_absolute_error");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.absoluteError(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }

  /** The metric of Keras' config (Keras' {@code MeanAbsoluteError.from_config}). */
  public static MeanAbsoluteError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanAbsoluteError(), new Config("MeanAbsoluteError", config));
  }
}
