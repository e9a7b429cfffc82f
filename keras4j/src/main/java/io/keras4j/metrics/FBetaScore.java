package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The F-beta score, {@code (1 + beta^2) * precision * recall / (beta^2 * precision + recall)}, of multi-class or
 * multi-label predictions, per class or averaged.
 *
 * <p>Keras equivalent: {@code keras.metrics.FBetaScore(average=None, beta=1.0, threshold=None, name="fbeta_score",
 * dtype=None)}; see {@link BaseFBetaScore}.
 * <pre>{@code new FBetaScore().beta(2).average("macro").threshold(0.5)}</pre>
 */
public class FBetaScore extends BaseFBetaScore<FBetaScore> {
  /** The per-class F1 score (beta 1). */
  public FBetaScore() {
    super("fbeta_score");
  }

  /** Sets beta, how many times recall weighs more than precision, > 0 (Keras' {@code beta=}). Default 1. */
  public FBetaScore beta(double beta) {
    setBeta(beta);
    return this;
  }

  /** The metric of Keras' config (Keras' {@code FBetaScore.from_config}). */
  public static FBetaScore fromConfig(Map<String, Object> config) {
    Config c = new Config("FBetaScore", config);
    return withScoreConfig(new FBetaScore().beta(c.number("beta", 1)), c);
  }
}
