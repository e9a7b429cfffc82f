package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code max(max((1 - y_true) * y_pred) - sum(y_true * y_pred) + 1, 0)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.CategoricalHinge()} ("categorical_hinge").
 */
public class CategoricalHinge extends BaseLoss<CategoricalHinge> {
  /** The loss with Keras' defaults. */
  public CategoricalHinge() {
    super("categorical_hinge");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor pos = sumLast(ops.multiply(yTrue, yPred));
    Tensor neg = ops.max(ops.multiply(ops.add(ops.negative(yTrue), 1f), yPred), new int[] {-1}, false);
    return ops.relu(ops.add(ops.subtract(neg, pos), 1f));
  }

  /** The loss of Keras' config (Keras' {@code CategoricalHinge.from_config}). */
  public static CategoricalHinge fromConfig(Map<String, Object> config) {
    return withBaseConfig(new CategoricalHinge(), new Config("CategoricalHinge", config));
  }
}
