package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean(y_pred - y_true * log(y_pred + 1e-7))} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.Poisson()} ("poisson").
 */
public class Poisson extends BaseLoss<Poisson> {
  /** The loss with Keras' defaults. */
  public Poisson() {
    super("poisson");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.subtract(yPred, ops.multiply(yTrue, ops.log(ops.add(yPred, Backend.epsilon())))));
  }

  /** The loss of Keras' config (Keras' {@code Poisson.from_config}). */
  public static Poisson fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Poisson(), new Config("Poisson", config));
  }
}
