package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The base of the max and average pooling layers over 1, 2 or 3 spatial axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.src.layers.pooling.base_pooling.BasePooling(pool_size, strides=None,
 * padding="valid", data_format=None)}; strides default to the pool size.
 * <pre>{@code new MaxPooling2D(3).strides(2).padding("same")}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BasePooling<T extends BasePooling<T>> extends BaseLayer<T> {
  private final int rank;
  private final String mode;
  private int[] poolSize;
  private int[] strides;
  private boolean stridesSet;
  private String padding = "valid";

  protected BasePooling(int rank, String mode, int... poolSize) {
    this.rank = rank;
    this.mode = mode;
    this.poolSize = ConvUtils.tuple(name(), "pool_size", rank, poolSize);
    this.strides = this.poolSize.clone();
    inputSpec(new InputSpec().ndim(rank + 2));
  }

  /** Sets the strides, one int for every axis or one per axis (Keras' {@code strides=}). Default: the pool size. */
  public T strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = ConvUtils.tuple(name(), "strides", rank, strides);
    this.stridesSet = true;
    return self();
  }

  /**
   * Sets the window size, one int for every axis or one per axis (Keras' {@code pool_size=}); the strides follow it
   * unless they were set. Default: the constructor's, 2 for every axis in the no-argument constructor.
   */
  public T poolSize(int... poolSize) {
    checkNotBuilt("pool_size");
    this.poolSize = ConvUtils.tuple(name(), "pool_size", rank, poolSize);
    if (!stridesSet) {
      this.strides = this.poolSize.clone();
    }
    return self();
  }

  /** Sets "valid" or "same" (Keras' {@code padding=}). Default "valid". */
  public T padding(String padding) {
    checkNotBuilt("padding");
    this.padding = ConvUtils.padding(name(), padding, false);
    return self();
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
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
    c.put("pool_size", ConvUtils.list(poolSize));
    c.put("padding", padding);
    c.put("strides", ConvUtils.list(strides));
    c.put("data_format", "channels_last");
    return c;
  }

  /**
   * Applies {@code strides} (absent or null: the pool size), {@code padding}, {@code data_format} and the base keys
   * of a Keras config to this layer; each concrete class' {@code fromConfig} calls it on a new layer.
   */
  protected T applyConfig(Config c) {
    if (c.has("strides")) {
      strides(c.ints("strides", null));
    }
    padding(c.string("padding", "valid"));
    dataFormat(c.string("data_format", "channels_last"));
    return withBaseConfig(self(), c);
  }
}
