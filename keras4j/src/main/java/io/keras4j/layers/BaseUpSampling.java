package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Repeats each element {@code size} times along each spatial axis (nearest neighbour), or resizes bilinearly.
 *
 * <p>Keras equivalent: the shared behaviour of {@code keras.layers.UpSampling1D(size=2)},
 * {@code UpSampling2D(size=(2, 2), data_format=None, interpolation="nearest")} and
 * {@code UpSampling3D(size=(2, 2, 2), data_format=None)}.
 * <pre>{@code new UpSampling2D(2).interpolation("bilinear")}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseUpSampling<T extends BaseUpSampling<T>> extends BaseLayer<T> {
  private int[] size;
  private String interpolation = "nearest";

  protected BaseUpSampling(int rank, int... size) {
    this.size = ConvUtils.tuple(name(), "size", rank, size.length == 0 ? new int[] {2} : size);
    inputSpec(new InputSpec().ndim(rank + 2));
  }

  /**
   * Sets the upsampling factors, one int for every axis or one per axis (Keras' {@code size=}). Default 2 for every
   * axis.
   */
  public T size(int... size) {
    checkNotBuilt("size");
    this.size = ConvUtils.tuple(name(), "size", this.size.length, size);
    return self();
  }

  /** Checks the data format (Keras' {@code data_format=} of UpSampling2D and UpSampling3D): channels-last only. */
  protected T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
    return self();
  }

  /** Sets "nearest" or "bilinear" (2-D only) (Keras' {@code interpolation=}). Default "nearest". */
  protected T interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    if (!interpolation.equals("nearest") && !(interpolation.equals("bilinear") && size.length == 2)) {
      throw new IllegalArgumentException("`interpolation` must be \"nearest\"" + (size.length == 2
          ? " or \"bilinear\"" : "") + ". Received: interpolation=" + interpolation);
    }
    this.interpolation = interpolation;
    return self();
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    if (interpolation.equals("bilinear")) {
      Shape s = input.shape();
      return ops.resizeBilinear(input, (int) s.get(1) * size[0], (int) s.get(2) * size[1]);
    }
    Tensor y = input;
    for (int i = 0; i < size.length; i++) {
      y = ops.repeat(y, size[i], i + 1);
    }
    return y;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    long[] d = in.get(0).dims();
    for (int i = 0; i < size.length; i++) {
      d[i + 1] = d[i + 1] < 0 ? -1 : d[i + 1] * size[i];
    }
    return List.of(Shape.of(d));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", size.length == 1 ? (Object) size[0] : ConvUtils.list(size));
    if (size.length > 1) {
      c.put("data_format", "channels_last");
    }
    if (size.length == 2) {
      c.put("interpolation", interpolation);
    }
    return c;
  }

  /** Applies {@code data_format}, {@code interpolation} (2-D) and the base keys of a Keras config to this layer. */
  protected T applyConfig(Config c) {
    dataFormat(c.string("data_format", "channels_last"));
    if (size.length == 2) {
      interpolation(c.string("interpolation", "nearest"));
    }
    return withBaseConfig(self(), c);
  }
}
