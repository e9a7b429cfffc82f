package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Multiplies its inputs elementwise.
 *
 * <p>Keras equivalent: {@code keras.layers.Multiply()}.
 */
public class Multiply extends Merge<Multiply> {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::multiply);
  }

  /** Masked entries count as 1, entries masked in every input are 0 (Keras' {@code Multiply._merge_function}). */
  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    return Masks.multiplySkippingMasked(inputs, masks);
  }

  /** A Multiply layer from its Keras config (Keras' {@code Multiply.from_config}); only the base keys. */
  public static Multiply fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Multiply(), new Config("Multiply", config));
  }
}
