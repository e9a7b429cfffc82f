package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Pads the spatial axes with zeros, channels-last.
 *
 * <p>Keras equivalent: the shared behaviour of {@code keras.layers.ZeroPadding1D/2D/3D}.
 */
public abstract class BaseZeroPadding extends Layer {
  private final int[][] padding;

  protected BaseZeroPadding(int[][] padding) {
    this.padding = padding;
    inputSpec(new InputSpec().ndim(padding.length + 2));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    int[][] p = new int[padding.length + 2][2];
    for (int i = 0; i < padding.length; i++) {
      p[i + 1] = padding[i].clone();
    }
    return ops().pad(input, p, 0f);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    long[] d = in.get(0).dims();
    for (int i = 0; i < padding.length; i++) {
      d[i + 1] = d[i + 1] < 0 ? -1 : d[i + 1] + padding[i][0] + padding[i][1];
    }
    return List.of(Shape.of(d));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("padding", padding);
    if (padding.length > 1) {
      c.put("data_format", "channels_last");
    }
    return c;
  }
}
