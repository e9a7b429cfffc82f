package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code mean(y_pred - y_true * log(y_pred + 1e-7))} over the last axis.
 *
 * <p>Keras equivalent: {@code keras.metrics.Poisson(name="poisson", dtype=None)}, the mean
 * of {@code keras.losses.poisson}; the per-sample values are those of {@link io.keras4j.losses.Poisson}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new Poisson())}</pre>
 */
public class Poisson extends LossMean<Poisson, io.keras4j.losses.Poisson> {
  /** The metric with Keras' defaults. */
  public Poisson() {
    super("poisson", new io.keras4j.losses.Poisson());
  }

  /** The metric of Keras' config (Keras' {@code Poisson.from_config}). */
  public static Poisson fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Poisson(), new Config("Poisson", config));
  }
}
