package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean(max(1 - y_true * y_pred, 0)^2)}; 0/1 labels are converted to -1/1 as Keras does.
 *
 * <p>Keras equivalent: {@code keras.losses.SquaredHinge()} ("squared_hinge").
 */
public class SquaredHinge extends BaseLoss<SquaredHinge> {
  /** The loss with Keras' defaults. */
  public SquaredHinge() {
    super("squared_hinge");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.square(ops.relu(ops.add(ops.negative(ops.multiply(Hinge.hingeLabels(yTrue), yPred)), 1f))));
  }

  /** The loss of Keras' config (Keras' {@code SquaredHinge.from_config}). */
  public static SquaredHinge fromConfig(Map<String, Object> config) {
    return withBaseConfig(new SquaredHinge(), new Config("SquaredHinge", config));
  }
}
