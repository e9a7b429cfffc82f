package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The weighted number of false negatives, {@code y_pred <= threshold} where the label is 1, at one or more thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.FalseNegatives(thresholds=None, name=None, dtype=None)}, named
 * "false_negatives" by default.
 * <pre>{@code new FalseNegatives().thresholds(0.3, 0.7)}</pre>
 */
public class FalseNegatives extends ConfusionMatrixConditionCount<FalseNegatives> {
  /** The count at threshold 0.5. */
  public FalseNegatives() {
    super("false_negatives", 3);
  }

  /** The metric of Keras' config (Keras' {@code FalseNegatives.from_config}). */
  public static FalseNegatives fromConfig(Map<String, Object> config) {
    return withCountConfig(new FalseNegatives(), new Config("FalseNegatives", config));
  }
}
