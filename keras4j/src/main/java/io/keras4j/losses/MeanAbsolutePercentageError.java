package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code 100 * mean(|(y_true - y_pred) / max(|y_true|, 1e-7)|)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.MeanAbsolutePercentageError()} ("mean_absolute_percentage_error").
 */
public class MeanAbsolutePercentageError extends BaseLoss<MeanAbsolutePercentageError> {
  /** The loss with Keras' defaults. */
  public MeanAbsolutePercentageError() {
    super("mean_absolute_percentage_error");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor diff = ops.abs(ops.divide(ops.subtract(yTrue, yPred), ops.maximum(ops.abs(yTrue), Backend.epsilon())));
    return ops.multiply(meanLast(diff), 100f);
  }

  /** The loss of Keras' config (Keras' {@code MeanAbsolutePercentageError.from_config}). */
  public static MeanAbsolutePercentageError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanAbsolutePercentageError(), new Config("MeanAbsolutePercentageError", config));
  }
}
