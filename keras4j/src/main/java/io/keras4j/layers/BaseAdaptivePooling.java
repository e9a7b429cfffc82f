package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The base of the adaptive average and max pooling layers: pools 1, 2 or 3 spatial axes to a fixed output size,
 * whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.src.layers.pooling.base_adaptive_pooling.BaseAdaptivePooling(output_size,
 * data_format=None)} with {@code keras.ops.adaptive_average_pool} / {@code adaptive_max_pool} (TensorFlow backend).
 * Output bin {@code i} of an axis of length {@code n} pooled to {@code m} covers
 * {@code [floor(i n / m), ceil((i + 1) n / m))}, computed in float32 as Keras does (PyTorch's bins); bins overlap
 * when {@code n} is not a multiple of {@code m}. The spatial sizes of the input must be known.
 * Porting note: keras4j pools each axis in turn by slicing each bin, which gives Keras' windows without its
 * two-pool-and-gather construction; an average of averages over a box is the box's average.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseAdaptivePooling<T extends BaseAdaptivePooling<T>> extends BaseLayer<T> {
  private static final String[] TUPLES =
      {"tuple of 1 integer", "(height, width) tuple", "(depth, height, width) tuple"};
  private final int rank;
  private final String mode;
  private final int[] outputSize;
  private String dataFormat = "channels_last";

  /**
   * Adaptive pooling of {@code rank} spatial axes, {@code mode} "avg" or "max", to {@code outputSize}: one size for
   * every axis or one per axis.
   */
  protected BaseAdaptivePooling(int rank, String mode, int... outputSize) {
    this.rank = rank;
    this.mode = mode;
    if (outputSize == null || (outputSize.length != 1 && outputSize.length != rank)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `output_size` must be an integer or "
          + TUPLES[rank - 1] + ". Received: " + Arrays.toString(outputSize));
    }
    this.outputSize = outputSize.length == rank ? outputSize.clone() : filled(rank, outputSize[0]);
    for (int s : this.outputSize) {
      if (s <= 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': `output_size` must be positive. Received: "
            + "output_size=" + Arrays.toString(outputSize));
      }
    }
    inputSpec(new InputSpec().ndim(rank + 2));
  }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  /** Sets "channels_last" or "channels_first" (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    if (!"channels_first".equals(dataFormat) && !"channels_last".equals(dataFormat)) {
      throw new IllegalArgumentException("Layer '" + name() + "': Invalid data_format: " + dataFormat
          + ". Expected 'channels_first' or 'channels_last'.");
    }
    this.dataFormat = dataFormat;
    return self();
  }

  /** The output's spatial size, one per axis. */
  public int[] outputSize() {
    return outputSize.clone();
  }

  public String dataFormat() {
    return dataFormat;
  }

  /** The input axis of spatial axis {@code i}. */
  private int spatialAxis(int i) {
    return dataFormat.equals("channels_last") ? i + 1 : i + 2;
  }

  /**
   * The bins of an axis of {@code n} pooled to {@code m}: {@code {start, length}} per output, as Keras' TensorFlow
   * backend computes them (float32 bounds; a window is the "big" size {@code ceil(n/m) + 1} or the "small" one).
   */
  static int[][] bins(int n, int m) {
    int small = (int) Math.ceil((double) n / m);
    int big = small + 1;
    int[][] out = new int[m][];
    for (int i = 0; i < m; i++) {
      int start = (int) Math.floor((float) i * (float) n / (float) m);
      int end = (int) Math.ceil((float) (i + 1) * (float) n / (float) m);
      end = Math.min(end, n);
      start = Math.min(start, n - 1);
      out[i] = new int[] {start, end - start == big ? big : small};
    }
    return out;
  }

  @Override
  protected void build(Shape inputShape) {
    for (int i = 0; i < rank; i++) {
      if (inputShape.get(spatialAxis(i)) < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': Input spatial dimensions must be statically "
            + "known for adaptive pooling. Received: input_shape=" + inputShape);
      }
    }
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor y = input;
    for (int i = 0; i < rank; i++) {
      int axis = spatialAxis(i);
      int n = (int) input.shape().get(axis);
      List<Tensor> pooled = new ArrayList<>();
      for (int[] bin : bins(n, outputSize[i])) {
        int[] begin = new int[rank + 2];
        int[] size = filled(rank + 2, -1);
        begin[axis] = bin[0];
        size[axis] = bin[1];
        Tensor window = ops.slice(y, begin, size);
        int[] axes = {axis};
        pooled.add(mode.equals("max") ? ops.max(window, axes, true) : ops.mean(window, axes, true));
      }
      y = pooled.size() == 1 ? pooled.get(0) : ops.concatenate(pooled, axis);
    }
    return y;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    long[] out = in.get(0).dims();
    for (int i = 0; i < rank; i++) {
      out[spatialAxis(i)] = outputSize[i];
    }
    return List.of(Shape.of(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("output_size", ConvUtils.list(outputSize));
    c.put("data_format", dataFormat);
    return c;
  }

  /** The {@code output_size} of a Keras config (an integer or a list). */
  protected static int[] outputSizeOf(Config c) {
    int[] size = c.ints("output_size", null);
    if (size == null) {
      throw new IllegalArgumentException(c.className() + ": the config lacks the required `output_size`");
    }
    return size;
  }

  /** Applies {@code data_format} and the base keys of a Keras config to {@code layer}. */
  protected static <L extends BaseAdaptivePooling<L>> L withPoolingConfig(L layer, Config c) {
    return withBaseConfig(layer.dataFormat(c.string("data_format", "channels_last")), c);
  }
}
