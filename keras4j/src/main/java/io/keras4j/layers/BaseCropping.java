package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Crops (before, after) elements off each spatial axis, channels-last.
 *
 * <p>Keras equivalent: the shared behaviour of {@code keras.layers.Cropping1D(cropping=(1, 1))},
 * {@code Cropping2D(cropping=((0, 0), (0, 0)), data_format=None)} and
 * {@code Cropping3D(cropping=((1, 1), (1, 1), (1, 1)), data_format=None)}.
 * <pre>{@code new Cropping2D(new int[][] {{2, 2}, {4, 4}})}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseCropping<T extends BaseCropping<T>> extends BaseLayer<T> {
  private int[][] cropping;

  protected BaseCropping(int[][] cropping) {
    this.cropping = cropping;
    inputSpec(new InputSpec().ndim(cropping.length + 2));
  }

  /** Checks the data format (Keras' {@code data_format=} of Cropping2D and Cropping3D): channels-last only. */
  /**
   * Sets the amounts cropped: one int for every side of every axis, one per axis (both sides), or a
   * (before, after) pair per axis in order (Keras' {@code cropping=}). Default: the constructor's.
   */
  public T cropping(int... cropping) {
    checkNotBuilt("cropping");
    this.cropping = SpatialPads.of("cropping", this.cropping.length, cropping);
    return self();
  }

  /** Sets the (before, after) amounts cropped per spatial axis (Keras' {@code cropping=((a, b), ...)}). */
  public T cropping(int[][] cropping) {
    checkNotBuilt("cropping");
    if (cropping.length != this.cropping.length) {
      throw new IllegalArgumentException("`cropping` of layer \"" + name() + "\" needs " + this.cropping.length
          + " (before, after) pairs. Received: " + cropping.length);
    }
    this.cropping = SpatialPads.check("cropping", cropping);
    return self();
  }

  protected T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
    return self();
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Shape s = input.shape();
    int[] begin = new int[s.rank()];
    int[] size = new int[s.rank()];
    size[0] = -1;
    size[s.rank() - 1] = -1;
    for (int i = 0; i < cropping.length; i++) {
      begin[i + 1] = cropping[i][0];
      size[i + 1] = (int) (s.get(i + 1) - cropping[i][0] - cropping[i][1]);
    }
    return ops().slice(input, begin, size);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    long[] d = s.dims();
    for (int i = 0; i < cropping.length; i++) {
      if (d[i + 1] < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "' needs known spatial dimensions. Received: " + s);
      }
      d[i + 1] -= cropping[i][0] + cropping[i][1];
      if (d[i + 1] <= 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': cropping " + java.util.Arrays.deepToString(cropping)
            + " leaves nothing of an input of shape " + s);
      }
    }
    return List.of(Shape.of(d));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cropping", SpatialPads.toConfig(cropping));
    if (cropping.length > 1) {
      c.put("data_format", "channels_last");
    }
    return c;
  }

  /** Applies {@code data_format} and the base keys of a Keras config to this layer. */
  protected T applyConfig(Config c) {
    dataFormat(c.string("data_format", "channels_last"));
    return withBaseConfig(self(), c);
  }
}
