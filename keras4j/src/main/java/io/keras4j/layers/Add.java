package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Sums its inputs elementwise.
 *
 * <p>Keras equivalent: {@code keras.layers.Add()}.
 */
public class Add extends Merge<Add> {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::add);
  }

  /** An Add layer from its Keras config (Keras' {@code Add.from_config}); only the base keys. */
  public static Add fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Add(), new Config("Add", config));
  }
}
