package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code sum(y_true * log(y_true / y_pred))} over the last axis, both clipped to
 * [1e-7, 1].
 *
 * <p>Keras equivalent: {@code keras.metrics.KLDivergence(name="kl_divergence", dtype=None)},
 * the mean of {@code keras.losses.kl_divergence};
 * the per-sample values are those of {@link io.keras4j.losses.KLDivergence}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new KLDivergence())}</pre>
 */
public class KLDivergence extends LossMean<KLDivergence, io.keras4j.losses.KLDivergence> {
  /** The metric with Keras' defaults. */
  public KLDivergence() {
    super("kl_divergence", new io.keras4j.losses.KLDivergence());
  }

  /** The metric of Keras' config (Keras' {@code KLDivergence.from_config}). */
  public static KLDivergence fromConfig(Map<String, Object> config) {
    return withBaseConfig(new KLDivergence(), new Config("KLDivergence", config));
  }
}
