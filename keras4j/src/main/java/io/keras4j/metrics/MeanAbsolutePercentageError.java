package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code 100 * mean(|(y_true - y_pred) / max(|y_true|, 1e-7)|)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanAbsolutePercentageError(name="mean_absolute_percentage_error",
 * dtype=None)}, the mean of {@code keras.losses.mean_absolute_percentage_error}; the per-sample values are those of
 * {@link io.keras4j.losses.MeanAbsolutePercentageError}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new MeanAbsolutePercentageError())}</pre>
 */
public class MeanAbsolutePercentageError
    extends LossMean<MeanAbsolutePercentageError, io.keras4j.losses.MeanAbsolutePercentageError> {
  /** The metric with Keras' defaults. */
  public MeanAbsolutePercentageError() {
    super("mean_absolute_percentage_error", new io.keras4j.losses.MeanAbsolutePercentageError());
  }

  /** The metric of Keras' config (Keras' {@code MeanAbsolutePercentageError.from_config}). */
  public static MeanAbsolutePercentageError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanAbsolutePercentageError(), new Config("MeanAbsolutePercentageError", config));
  }
}
