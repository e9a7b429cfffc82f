package io.keras4j.backend;

import java.lang.reflect.Array;

/**
 * A dense float32 array on the Java heap: row-major values and a shape, the first axis the samples.
 *
 * <p>Porting note: stands in for the NumPy arrays Keras takes. {@link #of} converts Java arrays ({@code float[]},
 * {@code float[][]}, ..., {@code double[]...}, {@code int[]} labels) and TensorFlow Java NdArrays.
 */
public final class HostArray {
  private final float[] values;
  private final Shape shape;

  public HostArray(float[] values, Shape shape) {
    if (shape.size() != values.length) {
      throw new IllegalArgumentException("An array of shape " + shape + " needs " + shape.size() + " values. Received: "
          + values.length);
    }
    this.values = values;
    this.shape = shape;
  }

  /** The values, row-major (not copied). */
  public float[] values() {
    return values;
  }

  public Shape shape() {
    return shape;
  }

  /** The number of samples (the first axis). */
  public int length() {
    return (int) shape.get(0);
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive). */
  public HostArray rows(int from, int to) {
    int row = (int) (shape.size() / Math.max(1, shape.get(0)));
    float[] v = java.util.Arrays.copyOfRange(values, from * row, to * row);
    return new HostArray(v, shape.with(0, to - from));
  }

  /** The samples at {@code indices}, in that order. */
  public HostArray take(int[] indices) {
    int row = (int) (shape.size() / Math.max(1, shape.get(0)));
    float[] v = new float[indices.length * row];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * row, v, i * row, row);
    }
    return new HostArray(v, shape.with(0, indices.length));
  }

  /** Each sample flattened: {@code float[samples][features]}. */
  public float[][] toMatrix() {
    int n = (int) shape.get(0);
    int row = n == 0 ? 0 : values.length / n;
    float[][] out = new float[n][row];
    for (int i = 0; i < n; i++) {
      System.arraycopy(values, i * row, out[i], 0, row);
    }
    return out;
  }

  /**
   * Converts a Java array (float, double, int or long elements, any rank >= 1) or a TensorFlow Java NdArray.
   *
   * @throws IllegalArgumentException for anything else, or a ragged array
   */
  public static HostArray of(Object data) {
    if (data instanceof HostArray h) {
      return h;
    }
    if (data == null) {
      throw new IllegalArgumentException("Expected an array of samples. Received: null");
    }
    if (data.getClass().getName().startsWith("org.tensorflow.ndarray")) {
      return io.keras4j.backend.tensorflow.NdArrays.toHost(data);
    }
    if (!data.getClass().isArray()) {
      throw new IllegalArgumentException("Expected a Java array (float[][], float[][][][], int[] labels, ...) or an "
          + "NdArray. Received: " + data.getClass().getSimpleName());
    }
    java.util.List<Long> dims = new java.util.ArrayList<>();
    Object a = data;
    while (a != null && a.getClass().isArray()) {
      int len = Array.getLength(a);
      dims.add((long) len);
      a = len > 0 ? Array.get(a, 0) : null;
      if (len == 0) {
        break;
      }
    }
    long[] d = dims.stream().mapToLong(Long::longValue).toArray();
    Shape shape = Shape.of(d);
    float[] out = new float[(int) shape.size()];
    int[] pos = {0};
    flatten(data, 0, d, out, pos);
    return new HostArray(out, shape);
  }

  private static void flatten(Object a, int depth, long[] dims, float[] out, int[] pos) {
    int len = Array.getLength(a);
    if (len != dims[depth]) {
      throw new IllegalArgumentException("Ragged array: axis " + depth + " has length " + len + " where "
          + dims[depth] + " was expected");
    }
    if (depth == dims.length - 1) {
      if (a instanceof float[] f) {
        System.arraycopy(f, 0, out, pos[0], f.length);
        pos[0] += f.length;
      } else if (a instanceof double[] dd) {
        for (double v : dd) {
          out[pos[0]++] = (float) v;
        }
      } else if (a instanceof int[] ii) {
        for (int v : ii) {
          out[pos[0]++] = v;
        }
      } else if (a instanceof long[] ll) {
        for (long v : ll) {
          out[pos[0]++] = v;
        }
      } else {
        throw new IllegalArgumentException("Unsupported element type " + a.getClass().getComponentType()
            + "; expected float, double, int or long");
      }
      return;
    }
    for (int i = 0; i < len; i++) {
      flatten(Array.get(a, i), depth + 1, dims, out, pos);
    }
  }
}
