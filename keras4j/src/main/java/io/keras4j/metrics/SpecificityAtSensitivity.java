package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Computes the best specificity ({@code tn / (tn + fp)}) at a sensitivity ({@code tp / (tp + fn)}) of at least a
 * given value, over {@code num_thresholds} evenly spaced thresholds: the largest value among the thresholds where
 * {@code tp / (tp + fn) >= sensitivity}, or 0 when there is none.
 *
 * <p>Keras equivalent: {@code keras.metrics.SpecificityAtSensitivity(sensitivity, num_thresholds=200, class_id=None,
 * name=None, dtype=None)}, named "specificity_at_sensitivity" by default. Its state is {@code true_positives},
 * {@code false_positives}, {@code true_negatives} and {@code false_negatives}, one value per threshold.
 * <pre>{@code new SpecificityAtSensitivity(0.5).numThresholds(1)}</pre>
 */
public class SpecificityAtSensitivity extends SensitivitySpecificityBase<SpecificityAtSensitivity> {
  /**
   * The metric at {@code sensitivity}, in [0, 1] (Keras' required {@code sensitivity}).
   *
   * @throws IllegalArgumentException when {@code sensitivity} lies outside [0, 1]
   */
  public SpecificityAtSensitivity(double sensitivity) {
    super("specificity_at_sensitivity", "sensitivity", sensitivity);
  }

  @Override
  public Tensor result() {
    Tensor[] c = readCounts();
    return maxUnderConstraint(rate(c[0], c[3]), rate(c[2], c[1]));
  }

  /** The metric of Keras' config (Keras' {@code SpecificityAtSensitivity.from_config}). */
  public static SpecificityAtSensitivity fromConfig(Map<String, Object> config) {
    Config c = new Config("SpecificityAtSensitivity", config);
    return withRateConfig(new SpecificityAtSensitivity(c.number("sensitivity")), c);
  }
}
