package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Computes the best recall ({@code tp / (tp + fn)}) at a precision ({@code tp / (tp + fp)}) of at least a given
 * value, over {@code num_thresholds} evenly spaced thresholds: the largest value among the thresholds where
 * {@code tp / (tp + fp) >= precision}, or 0 when there is none.
 *
 * <p>Keras equivalent: {@code keras.metrics.RecallAtPrecision(precision, num_thresholds=200, class_id=None,
 * name=None, dtype=None)}, named "recall_at_precision" by default. Its state is {@code true_positives},
 * {@code false_positives}, {@code true_negatives} and {@code false_negatives}, one value per threshold.
 * <pre>{@code new RecallAtPrecision(0.8).numThresholds(1)}</pre>
 */
public class RecallAtPrecision extends SensitivitySpecificityBase<RecallAtPrecision> {
  /**
   * The metric at {@code precision}, in [0, 1] (Keras' required {@code precision}).
   *
   * @throws IllegalArgumentException when {@code precision} lies outside [0, 1]
   */
  public RecallAtPrecision(double precision) {
    super("recall_at_precision", "precision", precision);
  }

  @Override
  public Tensor result() {
    Tensor[] c = readCounts();
    return maxUnderConstraint(rate(c[0], c[1]), rate(c[0], c[3]));
  }

  /** The metric of Keras' config (Keras' {@code RecallAtPrecision.from_config}). */
  public static RecallAtPrecision fromConfig(Map<String, Object> config) {
    Config c = new Config("RecallAtPrecision", config);
    return withRateConfig(new RecallAtPrecision(c.number("precision")), c);
  }
}
