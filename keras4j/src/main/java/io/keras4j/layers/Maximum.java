package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The elementwise maximum of its inputs.
 *
 * <p>Keras equivalent: {@code keras.layers.Maximum()}.
 */
public class Maximum extends Merge<Maximum> {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::maximum);
  }

  /** Masked entries cannot win (Keras' {@code _apply_merge_op_and_or_mask}). */
  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    Ops ops = ops();
    return Masks.foldSkippingMasked(inputs, masks, ops::maximum);
  }

  /** A Maximum layer from its Keras config (Keras' {@code Maximum.from_config}); only the base keys. */
  public static Maximum fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Maximum(), new Config("Maximum", config));
  }
}
