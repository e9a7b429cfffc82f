package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code mean(|y_pred - y_true|)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.MeanAbsoluteError()} ("mean_absolute_error").
 */
public class MeanAbsoluteError extends Loss {
  public MeanAbsoluteError() {
    super("mean_absolute_error");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.abs(ops.subtract(yPred, yTrue)));
  }
}
