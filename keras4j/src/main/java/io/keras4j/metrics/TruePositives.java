package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The weighted number of true positives, {@code y_pred > threshold} where the label is 1, at one or more thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.TruePositives(thresholds=None, name=None, dtype=None)}, named
 * "true_positives" by default.
 * <pre>{@code new TruePositives().thresholds(0.3, 0.7)}</pre>
 */
public class TruePositives extends ConfusionMatrixConditionCount<TruePositives> {
  /** The count at threshold 0.5. */
  public TruePositives() {
    super("true_positives", 0);
  }

  /** The metric of Keras' config (Keras' {@code TruePositives.from_config}). */
  public static TruePositives fromConfig(Map<String, Object> config) {
    return withCountConfig(new TruePositives(), new Config("TruePositives", config));
  }
}
