package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Pads the spatial axes with zeros, channels-last.
 *
 * <p>Keras equivalent: the shared behaviour of {@code keras.layers.ZeroPadding1D/2D/3D(padding, data_format=None)}.
 * <pre>{@code new ZeroPadding2D(new int[][] {{1, 0}, {2, 2}})}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseZeroPadding<T extends BaseZeroPadding<T>> extends BaseLayer<T> {
  private int[][] padding;

  protected BaseZeroPadding(int[][] padding) {
    this.padding = padding;
    inputSpec(new InputSpec().ndim(padding.length + 2));
  }

  /**
   * Sets the zeros added: one int for every side of every axis, one per axis (both sides), or a (before, after)
   * pair per axis in order (Keras' {@code padding=}). Default: the constructor's.
   */
  public T padding(int... padding) {
    checkNotBuilt("padding");
    this.padding = SpatialPads.of("padding", this.padding.length, padding);
    return self();
  }

  /** Sets the (before, after) zeros added per spatial axis (Keras' {@code padding=((a, b), ...)}). */
  public T padding(int[][] padding) {
    checkNotBuilt("padding");
    if (padding.length != this.padding.length) {
      throw new IllegalArgumentException("`padding` of layer \"" + name() + "\" needs " + this.padding.length
          + " (before, after) pairs. Received: " + padding.length);
    }
    this.padding = SpatialPads.check("padding", padding);
    return self();
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
    return self();
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
    c.put("padding", SpatialPads.toConfig(padding));
    c.put("data_format", "channels_last");
    return c;
  }

  /** Applies {@code data_format} and the base keys of a Keras config to this layer. */
  protected T applyConfig(Config c) {
    dataFormat(c.string("data_format", "channels_last"));
    return withBaseConfig(self(), c);
  }
}
