package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code mean(log(cosh(y_pred - y_true)))} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.metrics.LogCoshError(name="logcosh", dtype=None)},
 * the mean of {@code keras.losses.log_cosh}; the per-sample values are those of {@link io.keras4j.losses.LogCosh}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new LogCoshError())}</pre>
 */
public class LogCoshError extends LossMean<LogCoshError, io.keras4j.losses.LogCosh> {
  /** The metric with Keras' defaults. */
  public LogCoshError() {
    super("logcosh", new io.keras4j.losses.LogCosh());
  }

  /** The metric of Keras' config (Keras' {@code LogCoshError.from_config}). */
  public static LogCoshError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new LogCoshError(), new Config("LogCoshError", config));
  }
}
