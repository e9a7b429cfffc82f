package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code tp / (tp + fp)} of {@code y_pred > threshold}, at one or more thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.Precision(thresholds=None, top_k=None, class_id=None,
 * name="precision", dtype=None)}: the threshold is 0.5, or with {@code top_k} any prediction among the k highest.
 * <pre>{@code new Precision().topK(1).classId(2)}</pre>
 */
public class Precision extends TopKConfusionMetric<Precision> {
  /** Precision at threshold 0.5. */
  public Precision() {
    super("precision");
  }

  /** Keras' state: {@code true_positives} and {@code false_positives}. */
  @Override
  protected boolean[] kept() {
    return new boolean[] {true, true, false, false};
  }

  @Override
  public Tensor result() {
    return ratio(tp, fp);
  }

  /** The metric of Keras' config (Keras' {@code Precision.from_config}). */
  public static Precision fromConfig(Map<String, Object> config) {
    return withTopKConfig(new Precision(), new Config("Precision", config));
  }
}
