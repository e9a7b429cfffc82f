package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * Sums its inputs elementwise.
 *
 * <p>Keras equivalent: {@code keras.layers.Add()}.
 */
public class Add extends Merge {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return fold(inputs, ops::add);
  }
}
