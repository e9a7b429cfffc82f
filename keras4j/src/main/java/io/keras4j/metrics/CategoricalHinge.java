package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code max(neg - pos + 1, 0)}, where {@code pos = sum(y_true * y_pred)} and
 * {@code neg = max((1 - y_true) * y_pred)} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.metrics.CategoricalHinge(name="categorical_hinge", dtype=None)}, the mean of
 * {@code keras.losses.categorical_hinge}; the per-sample values are those
 * of {@link io.keras4j.losses.CategoricalHinge}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new CategoricalHinge())}</pre>
 */
public class CategoricalHinge extends LossMean<CategoricalHinge, io.keras4j.losses.CategoricalHinge> {
  /** The metric with Keras' defaults. */
  public CategoricalHinge() {
    super("categorical_hinge", new io.keras4j.losses.CategoricalHinge());
  }

  /** The metric of Keras' config (Keras' {@code CategoricalHinge.from_config}). */
  public static CategoricalHinge fromConfig(Map<String, Object> config) {
    return withBaseConfig(new CategoricalHinge(), new Config("CategoricalHinge", config));
  }
}
