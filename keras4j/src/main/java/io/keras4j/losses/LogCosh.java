package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean(log(cosh(y_pred - y_true)))} over the last axis, computed as {@code x + softplus(-2x) - log 2}.
 *
 * <p>Keras equivalent: {@code keras.losses.LogCosh()} ("log_cosh").
 */
public class LogCosh extends BaseLoss<LogCosh> {
  /** The loss with Keras' defaults. */
  public LogCosh() {
    super("log_cosh");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor x = ops.subtract(yPred, yTrue);
    Tensor lc = ops.add(ops.add(x, ops.softplus(ops.multiply(x, -2f))), (float) -Math.log(2));
    return meanLast(lc);
  }

  /** The loss of Keras' config (Keras' {@code LogCosh.from_config}). */
  public static LogCosh fromConfig(Map<String, Object> config) {
    return withBaseConfig(new LogCosh(), new Config("LogCosh", config));
  }
}
