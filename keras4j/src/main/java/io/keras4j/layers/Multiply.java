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
    return fold(inputs, ops::multiply);
  }
}
