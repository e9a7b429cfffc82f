package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code mean((log(max(y_pred, 1e-7) + 1) - log(max(y_true, 1e-7) + 1))^2)} over the
 * last axis.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanSquaredLogarithmicError(name="mean_squared_logarithmic_error",
 * dtype=None)}, the mean of {@code keras.losses.mean_squared_logarithmic_error}; the per-sample values are those of
 * {@link io.keras4j.losses.MeanSquaredLogarithmicError}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new MeanSquaredLogarithmicError())}</pre>
 */
public class MeanSquaredLogarithmicError
    extends LossMean<MeanSquaredLogarithmicError, io.keras4j.losses.MeanSquaredLogarithmicError> {
  /** The metric with Keras' defaults. */
  public MeanSquaredLogarithmicError() {
    super("mean_squared_logarithmic_error", new io.keras4j.losses.MeanSquaredLogarithmicError());
  }

  /** The metric of Keras' config (Keras' {@code MeanSquaredLogarithmicError.from_config}). */
  public static MeanSquaredLogarithmicError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanSquaredLogarithmicError(), new Config("MeanSquaredLogarithmicError", config));
  }
}
