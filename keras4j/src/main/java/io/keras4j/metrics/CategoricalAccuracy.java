package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * How often argmax of the prediction equals argmax of the one-hot label.
 *
 * <p>Keras equivalent: {@code keras.metrics.CategoricalAccuracy(name="categorical_accuracy", dtype=None)}.
 */
public class CategoricalAccuracy extends BaseMean<CategoricalAccuracy> {
  /** The metric with Keras' defaults. */
  public CategoricalAccuracy() {
    super("categorical_accuracy");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.categoricalAccuracy(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }

  /** The metric of Keras' config (Keras' {@code CategoricalAccuracy.from_config}). */
  public static CategoricalAccuracy fromConfig(Map<String, Object> config) {
    return withBaseConfig(new CategoricalAccuracy(), new Config("CategoricalAccuracy", config));
  }
}
