package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The base of the global pooling layers: the max or mean over every spatial axis.
 *
 * <p>Keras equivalent: {@code keras.src.layers.pooling.base_global_pooling.BaseGlobalPooling(pool_dimensions,
 * data_format=None, keepdims=False)}.
 */
public abstract class BaseGlobalPooling<T extends BaseGlobalPooling<T>> extends Layer {
  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

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
    this.keepdims = keepdims;
    return self();
  }

  /** Only "channels_last" is supported (Keras' {@code data_format=}). */
  public T dataFormat(String dataFormat) {
    ConvUtils.channelsLast(dataFormat);
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
}
