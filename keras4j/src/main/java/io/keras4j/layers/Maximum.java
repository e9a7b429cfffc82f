package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * The elementwise maximum of its inputs.
 *
 * <p>Keras equivalent: {@code keras.layers.Maximum()}.
 */
public class Maximum extends Merge {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::maximum);
  }
}
