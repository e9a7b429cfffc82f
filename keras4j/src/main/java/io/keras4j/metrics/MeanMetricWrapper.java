package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The weighted mean over all samples of a per-sample function of (y_true, y_pred), for custom metrics.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanMetricWrapper(fn, name=None, dtype=None)}. keras4j's own
 * per-sample metrics (accuracies, errors) extend {@link BaseMean} directly.
 * <pre>{@code
 * new MeanMetricWrapper("max_error", (t, p) -> ops.max(ops.abs(ops.subtract(p, t)), new int[] {-1}, false))
 * }</pre>
 */
public class MeanMetricWrapper extends BaseMean<MeanMetricWrapper> {
  private final BiFunction<Tensor, Tensor, Tensor> fn;

  /** The mean of {@code fn(y_true, y_pred)}, named {@code name}. */
  public MeanMetricWrapper(String name, BiFunction<Tensor, Tensor, Tensor> fn) {
    super(name);
    this.fn = fn;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(fn.apply(yTrue, yPred), sampleWeight);
  }
}
