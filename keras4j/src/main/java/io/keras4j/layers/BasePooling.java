package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The base of the max and average pooling layers over 1, 2 or 3 spatial axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.src.layers.pooling.base_pooling.BasePooling(pool_size, strides=None,
 * padding="valid", data_format=None)}; strides default to the pool size.
 */
public abstract class BasePooling<T extends BasePooling<T>> extends Layer {
  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  private final int rank;
  private final String mode;
  private final int[] poolSize;
  private int[] strides;
  private String padding = "valid";

  protected BasePooling(int rank, String mode, int... poolSize) {
    this.rank = rank;
    this.mode = mode;
    this.poolSize = ConvUtils.tuple("pool_size", rank, poolSize);
    this.strides = this.poolSize.clone();
    inputSpec(new InputSpec().ndim(rank + 2));
  }

  /** Sets the strides (Keras' {@code strides=}). Default: the pool size. */
  public T strides(int... strides) {
    this.strides = ConvUtils.tuple("strides", rank, strides);
    return self();
  }

  /** Sets "valid" or "same" (Keras' {@code padding=}). Default "valid". */
  public T padding(String padding) {
    this.padding = ConvUtils.padding(padding, false);
    return self();
  }

  /** Only "channels_last" is supported (Keras' {@code data_format=}). */
  public T dataFormat(String dataFormat) {
    ConvUtils.channelsLast(dataFormat);
    return self();
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return ops().pool(input, mode, poolSize, strides, padding);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    long[] out = s.dims();
    for (int i = 0; i < rank; i++) {
      out[i + 1] = ConvUtils.outputLength(s.get(i + 1), poolSize[i], padding, strides[i], 1);
    }
    return List.of(Shape.of(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("pool_size", poolSize.clone());
    c.put("padding", padding);
    c.put("strides", strides.clone());
    c.put("data_format", "channels_last");
    return c;
  }
}
