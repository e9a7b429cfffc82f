package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The weighted mean over all samples of a per-sample function of (y_true, y_pred).
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanMetricWrapper(fn, name=None)}; accuracy, MSE and MAE are ones.
 */
public class MeanMetricWrapper extends Metric {
  private final Mean mean;
  private final BiFunction<Tensor, Tensor, Tensor> fn;

  public MeanMetricWrapper(String name, BiFunction<Tensor, Tensor, Tensor> fn) {
    super(name);
    this.mean = new Mean(name);
    this.fn = fn;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return mean.update(fn.apply(yTrue, yPred), sampleWeight);
  }

  @Override
  public Tensor result() {
    return mean.result();
  }

  @Override
  public List<io.keras4j.backend.Variable> variables() {
    return mean.variables();
  }

  @Override
  public void resetState() {
    mean.resetState();
  }
}
