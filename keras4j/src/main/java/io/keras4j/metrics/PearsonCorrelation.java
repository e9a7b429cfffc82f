package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The mean over the samples of Pearson's correlation coefficient of y_true and y_pred along
 * {@code axis}: 1 for a perfect (positive) agreement.
 *
 * <p>Keras equivalent: {@code keras.metrics.PearsonCorrelation(name="pearson_correlation", dtype=None, axis=-1)},
 * the mean of {@code keras.metrics.pearson_correlation}; see {@link MetricFunctions}.
 * <pre>{@code new PearsonCorrelation().axis(0)}</pre>
 */
public class PearsonCorrelation extends BaseCorrelation<PearsonCorrelation> {
  /** The correlation along the last axis. */
  public PearsonCorrelation() {
    super("pearson_correlation");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.pearsonCorrelation(yTrue, yPred, axis()), sampleWeight);
  }

  /** The metric of Keras' config (Keras' {@code PearsonCorrelation.from_config}). */
  public static PearsonCorrelation fromConfig(Map<String, Object> config) {
    return withAxisConfig(new PearsonCorrelation(), new Config("PearsonCorrelation", config));
  }
}
