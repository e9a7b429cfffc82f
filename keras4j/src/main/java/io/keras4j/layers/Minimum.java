package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The elementwise minimum of its inputs.
 *
 * <p>Keras equivalent: {@code keras.layers.Minimum()}.
 */
public class Minimum extends Merge<Minimum> {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::minimum);
  }

  /** Masked entries cannot win (Keras' {@code _apply_merge_op_and_or_mask}). */
  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    Ops ops = ops();
    return Masks.foldSkippingMasked(inputs, masks, ops::minimum);
  }

  /** A Minimum layer from its Keras config (Keras' {@code Minimum.from_config}); only the base keys. */
  public static Minimum fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Minimum(), new Config("Minimum", config));
  }
}
