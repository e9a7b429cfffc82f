package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code mean(max(1 - y_true * y_pred, 0))} over the last axis, 0/1 labels taken as -1/1.
 *
 * <p>Keras equivalent: {@code keras.metrics.Hinge(name="hinge", dtype=None)},
 * the mean of {@code keras.losses.hinge}; the per-sample values are those of {@link io.keras4j.losses.Hinge}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new Hinge())}</pre>
 */
public class Hinge extends LossMean<Hinge, io.keras4j.losses.Hinge> {
  /** The metric with Keras' defaults. */
  public Hinge() {
    super("hinge", new io.keras4j.losses.Hinge());
  }

  /** The metric of Keras' config (Keras' {@code Hinge.from_config}). */
  public static Hinge fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Hinge(), new Config("Hinge", config));
  }
}
