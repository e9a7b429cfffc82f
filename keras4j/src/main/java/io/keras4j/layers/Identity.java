package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Returns its inputs unchanged: a placeholder where no operation is to be performed.
 *
 * <p>Keras equivalent: {@code keras.layers.Identity()} (keras/src/layers/core/identity.py). Several inputs come back
 * as several outputs, in order.
 * <pre>{@code KerasTensor y = new Identity().apply(x);}</pre>
 */
public class Identity extends BaseLayer<Identity> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  /** An identity layer; it takes only the base keyword arguments (name, dtype, trainable). */
  public Identity() {}

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    return List.copyOf(inputs);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.copyOf(in);
  }

  /** An Identity layer from its Keras config (Keras' {@code Identity.from_config}). */
  public static Identity fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Identity(), new Config("Identity", config));
  }
}
