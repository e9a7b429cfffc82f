package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/**
 * {@code mean(max(1 - y_true * y_pred, 0)^2)}; 0/1 labels are converted to -1/1 as Keras does.
 *
 * <p>Keras equivalent: {@code keras.losses.SquaredHinge()} ("squared_hinge").
 */
public class SquaredHinge extends Loss {
  public SquaredHinge() {
    super("squared_hinge");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.square(ops.relu(ops.add(ops.negative(ops.multiply(Hinge.hingeLabels(yTrue), yPred)), 1f))));
  }
}
