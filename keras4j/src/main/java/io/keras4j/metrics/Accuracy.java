package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * How often predictions equal labels exactly.
 *
 * <p>Keras equivalent: {@code keras.metrics.Accuracy(name="accuracy", dtype=None)}.
 */
public class Accuracy extends BaseMean<Accuracy> {
  /** The metric with Keras' defaults. */
  public Accuracy() {
    super("accuracy");
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(MetricFunctions.accuracy(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }

  /** The metric of Keras' config (Keras' {@code Accuracy.from_config}). */
  public static Accuracy fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Accuracy(), new Config("Accuracy", config));
  }
}
