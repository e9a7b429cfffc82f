package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The mean over the samples of Lin's concordance correlation coefficient of y_true and y_pred along
 * {@code axis}: 1 for a perfect (positive) agreement.
 *
 * <p>Keras equivalent:
 * {@code keras.metrics.ConcordanceCorrelation(name="concordance_correlation", dtype=None, axis=-1)},
 * the mean of {@code keras.metrics.concordance_correlation}; see {@link MetricFunctions}.
 * <pre>{@code new ConcordanceCorrelation().axis(0)}</pre>
 */
public class ConcordanceCorrelation extends BaseCorrelation<ConcordanceCorrelation> {
  /** The correlation along the last axis. */
  public ConcordanceCorrelation() {
    super("concordance_correlation");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.concordanceCorrelation(yTrue, yPred, axis()), sampleWeight);
  }

  /** The metric of Keras' config (Keras' {@code ConcordanceCorrelation.from_config}). */
  public static ConcordanceCorrelation fromConfig(Map<String, Object> config) {
    return withAxisConfig(new ConcordanceCorrelation(), new Config("ConcordanceCorrelation", config));
  }
}
