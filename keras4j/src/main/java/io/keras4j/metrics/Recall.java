package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code tp / (tp + fn)} of {@code y_pred > threshold}, at one or more thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.Recall(thresholds=None, top_k=None, class_id=None,
 * name="recall", dtype=None)}: the threshold is 0.5, or with {@code top_k} any prediction among the k highest.
 * <pre>{@code new Recall().topK(1).classId(2)}</pre>
 */
public class Recall extends TopKConfusionMetric<Recall> {
  /** Recall at threshold 0.5. */
  public Recall() {
    super("recall");
  }

  /** Keras' state: {@code true_positives} and {@code false_negatives}. */
  @Override
  protected boolean[] kept() {
    return new boolean[] {true, false, false, true};
  }

  @Override
  public Tensor result() {
    return ratio(tp, fn);
  }

  /** The metric of Keras' config (Keras' {@code Recall.from_config}). */
  public static Recall fromConfig(Map<String, Object> config) {
    return withTopKConfig(new Recall(), new Config("Recall", config));
  }
}
