package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Concatenates its inputs along {@code axis}; the other axes must agree.
 *
 * <p>Keras equivalent: {@code keras.layers.Concatenate(axis=-1)}.
 * <pre>{@code KerasTensor y = new Concatenate().axis(1).apply(List.of(a, b));}</pre>
 */
public class Concatenate extends BaseLayer<Concatenate> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private int axis = -1;

  /** Concatenation along the last axis. */
  public Concatenate() {}

  /** Concatenation along {@code axis}; the same as {@code new Concatenate().axis(axis)}. */
  public Concatenate(int axis) {
    this.axis = axis;
  }

  /** Sets the concatenation axis (Keras' {@code axis=}), negative counting from the end. Default -1. */
  public Concatenate axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
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

  /**
   * The input masks, all true for an input without one, concatenated along the axis and reduced by any over the last
   * axis; none when no input has a mask (Keras' {@code Concatenate.compute_mask}).
   */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor m = Masks.concatenated(inputs, masks, axis);
    return m == null ? null : List.of(m);
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

  /** A Concatenate layer from its Keras config (Keras' {@code Concatenate.from_config}). */
  public static Concatenate fromConfig(Map<String, Object> config) {
    Config c = new Config("Concatenate", config);
    return withBaseConfig(new Concatenate(c.integer("axis", -1)), c);
  }
}
