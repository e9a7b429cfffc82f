package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The F1 score, {@code 2 * precision * recall / (precision + recall)}, of multi-class or multi-label predictions,
 * per class or averaged.
 *
 * <p>Keras equivalent: {@code keras.metrics.F1Score(average=None, threshold=None, name="f1_score", dtype=None)}:
 * {@link FBetaScore} with beta 1 (not in its config); see {@link BaseFBetaScore}.
 * <pre>{@code new F1Score().average("macro")}</pre>
 */
public class F1Score extends BaseFBetaScore<F1Score> {
  /** The per-class F1 score. */
  public F1Score() {
    super("f1_score");
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("beta");
    return c;
  }

  /** The metric of Keras' config (Keras' {@code F1Score.from_config}). */
  public static F1Score fromConfig(Map<String, Object> config) {
    return withScoreConfig(new F1Score(), new Config("F1Score", config));
  }
}
