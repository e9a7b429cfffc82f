package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The base of the global pooling layers: the max or mean over every spatial axis.
 *
 * <p>Keras equivalent: {@code keras.src.layers.pooling.base_global_pooling.BaseGlobalPooling(pool_dimensions,
 * data_format=None, keepdims=False)}.
 * <pre>{@code new GlobalAveragePooling2D().keepdims(true)}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseGlobalPooling<T extends BaseGlobalPooling<T>> extends BaseLayer<T> {
  private final int rank;
  private final boolean max;
  private boolean keepdims;

  protected BaseGlobalPooling(int rank, boolean max) {
    this.rank = rank;
    this.max = max;
    inputSpec(new InputSpec().ndim(rank + 2));
  }

  /** Sets whether the spatial axes are kept with size 1 (Keras' {@code keepdims=}). Default false. */
  public T keepdims(boolean keepdims) {
    checkNotBuilt("keepdims");
    this.keepdims = keepdims;
    return self();
  }

  /** Whether the spatial axes are kept with size 1. */
  public boolean keepdims() {
    return keepdims;
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
    return self();
  }

  private int[] axes() {
    int[] a = new int[rank];
    for (int i = 0; i < rank; i++) {
      a[i] = i + 1;
    }
    return a;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return max ? ops.max(input, axes(), keepdims) : ops.mean(input, axes(), keepdims);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    if (!keepdims) {
      return List.of(Shape.of(s.get(0), s.get(-1)));
    }
    long[] d = s.dims();
    for (int i = 1; i <= rank; i++) {
      d[i] = 1;
    }
    return List.of(Shape.of(d));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", "channels_last");
    c.put("keepdims", keepdims);
    return c;
  }

  /** Applies {@code keepdims}, {@code data_format} and the base keys of a Keras config to this layer. */
  protected T applyConfig(Config c) {
    keepdims(c.bool("keepdims", false));
    dataFormat(c.string("data_format", "channels_last"));
    return withBaseConfig(self(), c);
  }
}
