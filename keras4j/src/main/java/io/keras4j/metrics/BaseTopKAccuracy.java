package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The top-k accuracies' common part: the {@code k} keyword and the mean of a per-sample hit.
 *
 * <p>Keras equivalent: the {@code k} argument shared by {@code keras.metrics.TopKCategoricalAccuracy} and
 * {@code SparseTopKCategoricalAccuracy}.
 *
 * @param <T> the concrete metric class
 */
public abstract class BaseTopKAccuracy<T extends BaseTopKAccuracy<T>> extends BaseMean<T> {
  private int k = 5;

  /** A top-k accuracy named {@code name}, k = 5. */
  protected BaseTopKAccuracy(String name) {
    super(name);
  }

  /** Sets how many of the highest predictions count (Keras' {@code k=}). Default 5. */
  public T k(int k) {
    if (k < 1) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": k must be >= 1. Received: k=" + k);
    }
    this.k = k;
    return self();
  }

  public int k() {
    return k;
  }

  /** 1 for each sample whose label is among its {@code k} highest predictions, else 0. */
  protected abstract Tensor hits(Tensor yTrue, Tensor yPred, int k);

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(hits(yTrue, yPred, k), withMaskOf(yPred, sampleWeight));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    return c;
  }
}
