package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The weighted mean of the values it is given: {@code sum(w*x) / sum(w)}.
 *
 * <p>Keras equivalent: {@code keras.metrics.Mean(name="mean", dtype=None)}; the loss shown during {@code fit} is
 * one. In {@code updateState} the values are {@code y_pred}.
 */
public class Mean extends BaseMean<Mean> {
  /** A mean named "mean". */
  public Mean() {
    this("mean");
  }

  /** A mean named {@code name}. */
  public Mean(String name) {
    super(name);
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(yPred, sampleWeight);
  }

  /** The metric of Keras' config (Keras' {@code Mean.from_config}). */
  public static Mean fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Mean(), new Config("Mean", config));
  }
}
