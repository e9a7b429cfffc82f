package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * The first input minus the second (exactly two inputs).
 *
 * <p>Keras equivalent: {@code keras.layers.Subtract()}.
 */
public class Subtract extends Merge {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A `Subtract` layer should be called on exactly 2 inputs. Received: "
          + inputs.size() + " inputs. Layer: " + name());
    }
    return ops.subtract(inputs.get(0), inputs.get(1));
  }
}
