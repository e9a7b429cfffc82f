package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * The elementwise minimum of its inputs.
 *
 * <p>Keras equivalent: {@code keras.layers.Minimum()}.
 */
public class Minimum extends Merge {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::minimum);
  }
}
