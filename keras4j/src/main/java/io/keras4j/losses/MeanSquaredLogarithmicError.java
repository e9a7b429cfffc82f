package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean((log(max(y_pred, 1e-7) + 1) - log(max(y_true, 1e-7) + 1))^2)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.MeanSquaredLogarithmicError()} ("mean_squared_logarithmic_error").
 */
public class MeanSquaredLogarithmicError extends BaseLoss<MeanSquaredLogarithmicError> {
  /** The loss with Keras' defaults. */
  public MeanSquaredLogarithmicError() {
    super("mean_squared_logarithmic_error");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    float eps = Backend.epsilon();
    Tensor a = ops.log(ops.add(ops.maximum(yPred, eps), 1f));
    Tensor b = ops.log(ops.add(ops.maximum(yTrue, eps), 1f));
    return meanLast(ops.square(ops.subtract(a, b)));
  }

  /** The loss of Keras' config (Keras' {@code MeanSquaredLogarithmicError.from_config}). */
  public static MeanSquaredLogarithmicError fromConfig(Map<String, Object> config) {
    return withBaseConfig(new MeanSquaredLogarithmicError(), new Config("MeanSquaredLogarithmicError", config));
  }
}
