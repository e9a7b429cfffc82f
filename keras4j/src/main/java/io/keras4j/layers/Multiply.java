package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * Multiplies its inputs elementwise.
 *
 * <p>Keras equivalent: {@code keras.layers.Multiply()}.
 */
public class Multiply extends Merge {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    Tensor y = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      y = ops.multiply(y, inputs.get(i));
    }
    return y;
  }
}
