package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Averages its inputs elementwise.
 *
 * <p>Keras equivalent: {@code keras.layers.Average()}.
 */
public class Average extends Merge<Average> {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return ops.multiply(fold(inputs, ops::add), 1f / inputs.size());
  }

  /** An Average layer from its Keras config (Keras' {@code Average.from_config}); only the base keys. */
  public static Average fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Average(), new Config("Average", config));
  }
}
