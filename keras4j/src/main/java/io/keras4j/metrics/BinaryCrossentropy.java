package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of the binary cross-entropy of 0/1 labels against probabilities (or logits).
 *
 * <p>Keras equivalent: {@code keras.metrics.BinaryCrossentropy(name="binary_crossentropy", dtype=None,
 * from_logits=False, label_smoothing=0)}, the mean of {@code keras.losses.binary_crossentropy}; the per-sample
 * values are those of {@link io.keras4j.losses.BinaryCrossentropy} (along the last axis).
 * <pre>{@code new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1)}</pre>
 */
public class BinaryCrossentropy extends CrossentropyMean<BinaryCrossentropy, io.keras4j.losses.BinaryCrossentropy> {
  /** The metric with Keras' defaults. */
  public BinaryCrossentropy() {
    super("binary_crossentropy", new io.keras4j.losses.BinaryCrossentropy());
  }

  /** The metric of Keras' config (Keras' {@code BinaryCrossentropy.from_config}). */
  public static BinaryCrossentropy fromConfig(Map<String, Object> config) {
    return withCrossentropyConfig(new BinaryCrossentropy(), new Config("BinaryCrossentropy", config));
  }
}
