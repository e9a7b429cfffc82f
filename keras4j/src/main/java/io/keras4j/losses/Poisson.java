package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code mean(y_pred - y_true * log(y_pred + 1e-7))} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.Poisson()} ("poisson").
 */
public class Poisson extends Loss {
  public Poisson() {
    super("poisson");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.subtract(yPred, ops.multiply(yTrue, ops.log(ops.add(yPred, Backend.epsilon())))));
  }
}
