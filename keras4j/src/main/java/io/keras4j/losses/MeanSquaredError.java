package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code mean((y_pred - y_true)^2)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.MeanSquaredError()} ("mean_squared_error").
 */
public class MeanSquaredError extends Loss {
  public MeanSquaredError() {
    super("mean_squared_error");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.square(ops.subtract(yPred, yTrue)));
  }
}
