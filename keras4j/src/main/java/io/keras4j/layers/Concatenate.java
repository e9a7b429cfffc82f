package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Concatenates its inputs along {@code axis}; the other axes must agree.
 *
 * <p>Keras equivalent: {@code keras.layers.Concatenate(axis=-1)}.
 */
public class Concatenate extends Layer {
  private final int axis;

  public Concatenate() {
    this(-1);
  }

  public Concatenate(int axis) {
    this.axis = axis;
  }

  @Override
  protected void build(List<Shape> shapes) {
    if (shapes.size() < 2) {
      throw new IllegalArgumentException("A `Concatenate` layer should be called on a list of at least 1 input. "
          + "Received: input_shape=" + shapes);
    }
    computeOutputShapes(shapes, null);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    return List.of(ops().concatenate(inputs, axis));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape first = in.get(0);
    int a = axis < 0 ? axis + first.rank() : axis;
    long total = 0;
    for (Shape s : in) {
      if (s.rank() != first.rank()) {
        throw new IllegalArgumentException("A `Concatenate` layer requires inputs with matching shapes except for "
            + "the concatenation axis. Received: input_shape=" + in);
      }
      for (int i = 1; i < s.rank(); i++) {
        if (i != a && s.get(i) >= 0 && first.get(i) >= 0 && s.get(i) != first.get(i)) {
          throw new IllegalArgumentException("A `Concatenate` layer requires inputs with matching shapes except for "
              + "the concatenation axis. Received: input_shape=" + in);
        }
      }
      total = total < 0 || s.get(a) < 0 ? -1 : total + s.get(a);
    }
    return List.of(first.with(a, total));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }
}
