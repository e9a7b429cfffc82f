package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * Flattens every axis but the batch axis.
 *
 * <p>Keras equivalent: {@code keras.layers.Flatten(data_format=None)} (channels-last).
 */
public class Flatten extends Layer {
  @Override
  protected Tensor call(Tensor input, boolean training) {
    long n = input.shape().withoutBatch().size();
    return ops().reshape(input, -1, n < 0 ? -1 : n);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    if (s.rank() < 1) {
      throw new IllegalArgumentException("Layer '" + name() + "' needs inputs of rank >= 1. Received: " + s);
    }
    return List.of(Shape.of(s.get(0), s.withoutBatch().size()));
  }
}
