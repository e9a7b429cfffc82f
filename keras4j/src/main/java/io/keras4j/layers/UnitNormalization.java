package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Scales each sample to unit L2 norm along {@code axis}: {@code x / sqrt(max(sum(x^2), 1e-12))}.
 *
 * <p>Keras equivalent: {@code keras.layers.UnitNormalization(axis=-1)}.
 */
public class UnitNormalization extends Layer {
  private final int axis;

  public UnitNormalization() {
    this(-1);
  }

  public UnitNormalization(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return ops.multiply(input, ops.rsqrt(ops.maximum(ops.sum(ops.square(input), new int[] {axis}, true), 1e-12f)));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }
}
