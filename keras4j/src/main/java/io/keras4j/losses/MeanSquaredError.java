package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean((y_pred - y_true)^2)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.MeanSquaredError()} ("mean_squared_error").
 */
public class MeanSquaredError extends BaseLoss<MeanSquaredError> {
  /** The loss with Keras' defaults. */
  public MeanSquaredError() {
    super("mean_squared_error");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.square(ops.subtract(yPred, yTrue)));
  }

  /** The loss of Keras' config (Keras' {@code MeanSquaredError.from_config}). */
  public static MeanSquaredError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanSquaredError(), new Config("MeanSquaredError", config));
  }
}
