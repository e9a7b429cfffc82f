package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The first input minus the second (exactly two inputs).
 *
 * <p>Keras equivalent: {@code keras.layers.Subtract()}.
 */
public class Subtract extends Merge<Subtract> {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A `Subtract` layer should be called on exactly 2 inputs. Received: "
          + inputs.size() + " inputs. Layer: " + name());
    }
    return ops.subtract(inputs.get(0), inputs.get(1));
  }

  /** A Subtract layer from its Keras config (Keras' {@code Subtract.from_config}); only the base keys. */
  public static Subtract fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Subtract(), new Config("Subtract", config));
  }
}
