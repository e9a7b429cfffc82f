package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Computes the best sensitivity (recall, {@code tp / (tp + fn)}) at a specificity ({@code tn / (tn + fp)}) of at
 * least a given value, over {@code num_thresholds} evenly spaced thresholds: the largest value among the thresholds
 * where {@code tn / (tn + fp) >= specificity}, or 0 when there is none.
 *
 * <p>Keras equivalent: {@code keras.metrics.SensitivityAtSpecificity(specificity, num_thresholds=200, class_id=None,
 * name=None, dtype=None)}, named "sensitivity_at_specificity" by default. Its state is {@code true_positives},
 * {@code false_positives}, {@code true_negatives} and {@code false_negatives}, one value per threshold.
 * <pre>{@code new SensitivityAtSpecificity(0.5).numThresholds(1)}</pre>
 */
public class SensitivityAtSpecificity extends SensitivitySpecificityBase<SensitivityAtSpecificity> {
  /**
   * The metric at {@code specificity}, in [0, 1] (Keras' required {@code specificity}).
   *
   * @throws IllegalArgumentException when {@code specificity} lies outside [0, 1]
   */
  public SensitivityAtSpecificity(double specificity) {
    super("sensitivity_at_specificity", "specificity", specificity);
  }

  @Override
  public Tensor result() {
    Tensor[] c = readCounts();
    return maxUnderConstraint(rate(c[2], c[1]), rate(c[0], c[3]));
  }

  /** The metric of Keras' config (Keras' {@code SensitivityAtSpecificity.from_config}). */
  public static SensitivityAtSpecificity fromConfig(Map<String, Object> config) {
    Config c = new Config("SensitivityAtSpecificity", config);
    return withRateConfig(new SensitivityAtSpecificity(c.number("specificity")), c);
  }
}
