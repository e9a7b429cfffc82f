package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of {@code mean(max(1 - y_true * y_pred, 0)^2)} over the last axis, 0/1 labels taken as
 * -1/1.
 *
 * <p>Keras equivalent: {@code keras.metrics.SquaredHinge(name="squared_hinge", dtype=None)},
 * the mean of {@code keras.losses.squared_hinge};
 * the per-sample values are those of {@link io.keras4j.losses.SquaredHinge}.
 * <pre>{@code new CompileOptions().optimizer("sgd").loss("mse").metrics(new SquaredHinge())}</pre>
 */
public class SquaredHinge extends LossMean<SquaredHinge, io.keras4j.losses.SquaredHinge> {
  /** The metric with Keras' defaults. */
  public SquaredHinge() {
    super("squared_hinge", new io.keras4j.losses.SquaredHinge());
  }

  /** The metric of Keras' config (Keras' {@code SquaredHinge.from_config}). */
  public static SquaredHinge fromConfig(Map<String, Object> config) {
    return withBaseConfig(new SquaredHinge(), new Config("SquaredHinge", config));
  }
}
