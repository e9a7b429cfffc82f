package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * How often argmax of the prediction equals the integer label.
 *
 * <p>Keras equivalent: {@code keras.metrics.SparseCategoricalAccuracy(name="sparse_categorical_accuracy", dtype=None)}.
 */
public class SparseCategoricalAccuracy extends BaseMean<SparseCategoricalAccuracy> {
  /** The metric with Keras' defaults. */
  public SparseCategoricalAccuracy() {
    super("sparse_categorical_accuracy");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.sparseCategoricalAccuracy(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }

  /** The metric of Keras' config (Keras' {@code SparseCategoricalAccuracy.from_config}). */
  public static SparseCategoricalAccuracy fromConfig(Map<String, Object> config) {
    return withBaseConfig(new SparseCategoricalAccuracy(), new Config("SparseCategoricalAccuracy", config));
  }
}
