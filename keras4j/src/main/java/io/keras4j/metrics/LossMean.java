package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.losses.Loss;
import java.util.List;

/**
 * The weighted mean over the samples of a loss' per-sample values: the base of the metrics that share a loss' math
 * ({@link Poisson}, {@link KLDivergence}, the hinges, the cross-entropies, ...).
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanMetricWrapper(fn=keras.losses.<loss function>, name, dtype,
 * **kwargs)}, as Keras' own {@code Poisson}, {@code Hinge} or {@code BinaryCrossentropy} metrics are built. The
 * values are those of the loss' unreduced {@link Loss#call}, y_true's rank matched to y_pred's.
 *
 * @param <T> the concrete metric
 * @param <L> the loss computing the values
 */
public abstract class LossMean<T extends LossMean<T, L>, L extends Loss> extends BaseMean<T> {
  private final L loss;

  /** The mean of {@code loss}' values, named {@code name}. */
  protected LossMean(String name, L loss) {
    super(name);
    this.loss = loss;
  }

  /** The loss computing the values, holding the metric's keyword arguments. */
  protected L loss() {
    return loss;
  }

  /** The per-sample values of the loss for one batch. */
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return MetricFunctions.lossValues(loss, yTrue, yPred);
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(values(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }
}
