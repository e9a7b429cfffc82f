package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code mean(log(cosh(y_pred - y_true)))} over the last axis, computed as {@code x + softplus(-2x) - log 2}.
 *
 * <p>Keras equivalent: {@code keras.losses.LogCosh()} ("log_cosh").
 */
public class LogCosh extends Loss {
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
}
