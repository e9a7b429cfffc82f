package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Computes the best precision ({@code tp / (tp + fp)}) at a recall ({@code tp / (tp + fn)}) of at least a given
 * value, over {@code num_thresholds} evenly spaced thresholds: the largest value among the thresholds where
 * {@code tp / (tp + fn) >= recall}, or 0 when there is none.
 *
 * <p>Keras equivalent: {@code keras.metrics.PrecisionAtRecall(recall, num_thresholds=200, class_id=None,
 * name=None, dtype=None)}, named "precision_at_recall" by default. Its state is {@code true_positives},
 * {@code false_positives}, {@code true_negatives} and {@code false_negatives}, one value per threshold.
 * <pre>{@code new PrecisionAtRecall(0.8).numThresholds(1)}</pre>
 */
public class PrecisionAtRecall extends SensitivitySpecificityBase<PrecisionAtRecall> {
  /**
   * The metric at {@code recall}, in [0, 1] (Keras' required {@code recall}).
   *
   * @throws IllegalArgumentException when {@code recall} lies outside [0, 1]
   */
  public PrecisionAtRecall(double recall) {
    super("precision_at_recall", "recall", recall);
  }

  @Override
  public Tensor result() {
    Tensor[] c = readCounts();
    return maxUnderConstraint(rate(c[0], c[3]), rate(c[0], c[1]));
  }

  /** The metric of Keras' config (Keras' {@code PrecisionAtRecall.from_config}). */
  public static PrecisionAtRecall fromConfig(Map<String, Object> config) {
    Config c = new Config("PrecisionAtRecall", config);
    return withRateConfig(new PrecisionAtRecall(c.number("recall")), c);
  }
}
