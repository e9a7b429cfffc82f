package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of the cross-entropy of one-hot labels against class probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.metrics.CategoricalCrossentropy(name="categorical_crossentropy", dtype=None,
 * from_logits=False, label_smoothing=0, axis=-1)}, the mean of {@code keras.losses.categorical_crossentropy}; the
 * per-sample values are those of {@link io.keras4j.losses.CategoricalCrossentropy}.
 * <pre>{@code new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1)}</pre>
 */
public class CategoricalCrossentropy
    extends CrossentropyMean<CategoricalCrossentropy, io.keras4j.losses.CategoricalCrossentropy> {
  /** The metric with Keras' defaults. */
  public CategoricalCrossentropy() {
    super("categorical_crossentropy", new io.keras4j.losses.CategoricalCrossentropy());
  }

  /** Sets the axis holding the classes (Keras' {@code axis=}). Default -1. */
  public CategoricalCrossentropy axis(int axis) {
    loss().axis(axis);
    return this;
  }

  public int axis() {
    return loss().axis();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis());
    return c;
  }

  /** The metric of Keras' config (Keras' {@code CategoricalCrossentropy.from_config}). */
  public static CategoricalCrossentropy fromConfig(Map<String, Object> config) {
    Config c = new Config("CategoricalCrossentropy", config);
    return withCrossentropyConfig(new CategoricalCrossentropy().axis(c.integer("axis", -1)), c);
  }
}
