package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code sum(y_true * log(y_true / y_pred))} over the last axis, both clipped to [1e-7, 1].
 *
 * <p>Keras equivalent: {@code keras.losses.KLDivergence()} ("kl_divergence").
 */
public class KLDivergence extends BaseLoss<KLDivergence> {
  /** The loss with Keras' defaults. */
  public KLDivergence() {
    super("kl_divergence");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    float eps = Backend.epsilon();
    Tensor t = ops.clip(yTrue, eps, 1f);
    Tensor p = ops.clip(yPred, eps, 1f);
    return sumLast(ops.multiply(t, ops.log(ops.divide(t, p))));
  }

  /** The loss of Keras' config (Keras' {@code KLDivergence.from_config}). */
  public static KLDivergence fromConfig(Map<String, Object> config) {
    return withBaseConfig(new KLDivergence(), new Config("KLDivergence", config));
  }
}
