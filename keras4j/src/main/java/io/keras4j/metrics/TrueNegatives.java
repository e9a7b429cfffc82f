package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The weighted number of true negatives, {@code y_pred <= threshold} where the label is 0, at one or more thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.TrueNegatives(thresholds=None, name=None, dtype=None)}, named
 * "true_negatives" by default.
 * <pre>{@code new TrueNegatives().thresholds(0.3, 0.7)}</pre>
 */
public class TrueNegatives extends ConfusionMatrixConditionCount<TrueNegatives> {
  /** The count at threshold 0.5. */
  public TrueNegatives() {
    super("true_negatives", 2);
  }

  /** The metric of Keras' config (Keras' {@code TrueNegatives.from_config}). */
  public static TrueNegatives fromConfig(Map<String, Object> config) {
    return withCountConfig(new TrueNegatives(), new Config("TrueNegatives", config));
  }
}
