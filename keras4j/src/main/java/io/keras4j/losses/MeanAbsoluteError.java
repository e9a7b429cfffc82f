package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean(|y_pred - y_true|)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.MeanAbsoluteError()} ("mean_absolute_error").
 */
public class MeanAbsoluteError extends BaseLoss<MeanAbsoluteError> {
  /** The loss with Keras' defaults. */
  public MeanAbsoluteError() {
    super("mean_absolute_error");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.abs(ops.subtract(yPred, yTrue)));
  }

  /** The loss of Keras' config (Keras' {@code MeanAbsoluteError.from_config}). */
  public static MeanAbsoluteError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanAbsoluteError(), new Config("MeanAbsoluteError", config));
  }
}
