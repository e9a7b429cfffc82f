package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The weighted number of false positives, {@code y_pred > threshold} where the label is 0, at one or more thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.FalsePositives(thresholds=None, name=None, dtype=None)}, named
 * "false_positives" by default.
 * <pre>{@code new FalsePositives().thresholds(0.3, 0.7)}</pre>
 */
public class FalsePositives extends ConfusionMatrixConditionCount<FalsePositives> {
  /** The count at threshold 0.5. */
  public FalsePositives() {
    super("false_positives", 1);
  }

  /** The metric of Keras' config (Keras' {@code FalsePositives.from_config}). */
  public static FalsePositives fromConfig(Map<String, Object> config) {
    return withCountConfig(new FalsePositives(), new Config("FalsePositives", config));
  }
}
