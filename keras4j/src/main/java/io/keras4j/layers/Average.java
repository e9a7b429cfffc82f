package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * Averages its inputs elementwise.
 *
 * <p>Keras equivalent: {@code keras.layers.Average()}.
 */
public class Average extends Merge {
  @Override
  protected Tensor merge(List<Tensor> inputs) {
    Ops ops = ops();
    return ops.multiply(fold(inputs, ops::add), 1f / inputs.size());
  }
}
