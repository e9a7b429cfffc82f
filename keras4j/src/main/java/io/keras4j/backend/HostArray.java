package io.keras4j.backend;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * A dense array on the Java heap: row-major values of one dtype and a shape, the first axis the samples.
 *
 * <p>The engine-level array: what the backend, the data adapters and the readers of weight files pass around.
 * Users see {@code io.keras4j.data.NDArray}, which wraps one.
 *
 * <p>Porting note: stands in for the NumPy arrays Keras takes. The values are a {@code float[]} (float32),
 * {@code double[]} (float64), {@code int[]} (int32), {@code long[]} (int64) or {@code boolean[]} (bool).
 * {@link #of} converts Java arrays ({@code float[]}, {@code float[][]}, ..., {@code double[]...}, {@code int[]}
 * labels), {@link Source}s and the engine's own arrays (TensorFlow Java NdArrays) to float32, as Keras casts its
 * inputs to floatx; {@link #typed} keeps the element type.
 */
public final class HostArray {
  /** Something that converts itself to a HostArray, such as {@code io.keras4j.data.NDArray}. */
  public interface Source {
    HostArray toHost();
  }

  private final Object data;
  private final String dtype;
  private final Shape shape;
  private float[] floats;

  /** A float32 array of {@code shape} over {@code values} (not copied). */
  public HostArray(float[] values, Shape shape) {
    this((Object) values, shape);
  }

  /**
   * An array of {@code shape} over {@code data} (not copied): a {@code float[]}, {@code double[]}, {@code int[]},
   * {@code long[]} or {@code boolean[]}.
   */
  public HostArray(Object data, Shape shape) {
    this.dtype = dtypeOf(data);
    int n = Array.getLength(data);
    if (!shape.isFullyDefined() || shape.size() != n) {
      throw new IllegalArgumentException("An array of shape " + shape + " needs " + shape.size() + " values. Received: "
          + n);
    }
    this.data = data;
    this.shape = shape;
  }

  /** The dtype of a flat primitive array: "float32", "float64", "int32", "int64" or "bool". */
  public static String dtypeOf(Object data) {
    if (data instanceof float[]) {
      return "float32";
    } else if (data instanceof double[]) {
      return "float64";
    } else if (data instanceof int[]) {
      return "int32";
    } else if (data instanceof long[]) {
      return "int64";
    } else if (data instanceof boolean[]) {
      return "bool";
    }
    throw new IllegalArgumentException("Expected float[], double[], int[], long[] or boolean[] values. Received: "
        + (data == null ? "null" : data.getClass().getSimpleName()));
  }

  /** "float32", "float64", "int32", "int64" or "bool". */
  public String dtype() {
    return dtype;
  }

  /** The values, row-major, in their own type (not copied). */
  public Object data() {
    return data;
  }

  /** The values as float32, row-major: the array itself when float32 (not copied), else converted once. */
  public synchronized float[] values() {
    if (data instanceof float[] f) {
      return f;
    }
    if (floats == null) {
      int n = Array.getLength(data);
      floats = new float[n];
      for (int i = 0; i < n; i++) {
        floats[i] = (float) getDouble(i);
      }
    }
    return floats;
  }

  /** This array when it is float32, else a float32 copy. */
  public HostArray toFloat32() {
    return data instanceof float[] ? this : new HostArray(values().clone(), shape);
  }

  /** Element {@code i} in row-major order, as double (bool as 0 or 1). */
  public double getDouble(int i) {
    if (data instanceof float[] f) {
      return f[i];
    } else if (data instanceof double[] d) {
      return d[i];
    } else if (data instanceof int[] v) {
      return v[i];
    } else if (data instanceof long[] l) {
      return l[i];
    }
    return ((boolean[]) data)[i] ? 1 : 0;
  }

  /** Element {@code i} in row-major order, as long (floats truncated toward zero, bool as 0 or 1). */
  public long getLong(int i) {
    if (data instanceof long[] l) {
      return l[i];
    } else if (data instanceof int[] v) {
      return v[i];
    }
    return (long) getDouble(i);
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
    int row = rowSize();
    Object v = Array.newInstance(data.getClass().getComponentType(), (to - from) * row);
    System.arraycopy(data, from * row, v, 0, (to - from) * row);
    return new HostArray(v, shape.with(0, to - from));
  }

  /** The samples at {@code indices}, in that order. */
  public HostArray take(int[] indices) {
    int row = rowSize();
    Object v = Array.newInstance(data.getClass().getComponentType(), indices.length * row);
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(data, indices[i] * row, v, i * row, row);
    }
    return new HostArray(v, shape.with(0, indices.length));
  }

  private int rowSize() {
    return (int) (shape.size() / Math.max(1, shape.get(0)));
  }

  /**
   * Converts to float32: a Java array (float, double, int, long or boolean elements, any rank >= 1), a
   * {@link Source}, a HostArray, or the engine's own array (a TensorFlow Java NdArray).
   *
   * @throws IllegalArgumentException for anything else, or a ragged array
   */
  public static HostArray of(Object data) {
    return typed(data).toFloat32();
  }

  /** Converts as {@link #of}, keeping the element type (float64 stays float64, int64 stays int64). */
  public static HostArray typed(Object data) {
    if (data instanceof HostArray h) {
      return h;
    }
    if (data instanceof Source s) {
      return s.toHost();
    }
    if (data == null) {
      throw new IllegalArgumentException("Expected an array. Received: null");
    }
    if (!data.getClass().isArray()) {
      HostArray h = Backend.hostArray(data);
      if (h != null) {
        return h;
      }
      throw new IllegalArgumentException("Expected a Java array (float[][], float[][][][], int[] labels, ...), an "
          + "NDArray or an NdArray. Received: " + data.getClass().getSimpleName());
    }
    Class<?> leaf = data.getClass();
    int rank = 0;
    while (leaf.isArray()) {
      leaf = leaf.getComponentType();
      rank++;
    }
    if (!leaf.isPrimitive() || leaf == char.class || leaf == byte.class || leaf == short.class) {
      throw new IllegalArgumentException("Unsupported element type " + leaf.getSimpleName() + "; expected float, "
          + "double, int, long or boolean");
    }
    long[] dims = new long[rank];
    Object a = data;
    for (int k = 0; k < rank; k++) {
      dims[k] = a == null ? 0 : Array.getLength(a);
      a = dims[k] > 0 ? Array.get(a, 0) : null;
    }
    Shape shape = Shape.of(dims);
    Object out = Array.newInstance(leaf, Math.toIntExact(shape.size()));
    flatten(data, 0, dims, out, new int[] {0});
    return new HostArray(out, shape);
  }

  private static void flatten(Object a, int depth, long[] dims, Object out, int[] pos) {
    int[] path = new int[dims.length];
    flatten(a, depth, dims, out, pos, path);
  }

  private static void flatten(Object a, int depth, long[] dims, Object out, int[] pos, int[] path) {
    if (a == null) {
      throw new IllegalArgumentException("Null element at " + where(path, depth) + "; expected an array of length "
          + dims[depth] + " there");
    }
    int len = Array.getLength(a);
    if (len != dims[depth]) {
      throw new IllegalArgumentException("Ragged array: the element at " + where(path, depth) + " has length " + len
          + " where " + dims[depth] + " was expected (the length of the first element along axis " + depth
          + "); every row must have the same length");
    }
    if (depth == dims.length - 1) {
      System.arraycopy(a, 0, out, pos[0], len);
      pos[0] += len;
      return;
    }
    if (depth == dims.length - 2 && a instanceof float[][] rows && out instanceof float[] flat) {
      floatRows(rows, dims, depth, flat, pos, path);
      return;
    }
    Object[] elements = (Object[]) a; // above the leaves every level is an array of arrays
    for (int i = 0; i < len; i++) {
      path[depth] = i;
      flatten(elements[i], depth + 1, dims, out, pos, path);
    }
  }

  /**
   * The last two axes of a float array, row by row without reflection: the common case of {@link #of}, and the
   * costly one when rows are short (images of one channel are rows of length 1).
   */
  private static void floatRows(float[][] rows, long[] dims, int depth, float[] out, int[] pos, int[] path) {
    long width = dims[depth + 1];
    int p = pos[0];
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      if (row == null || row.length != width) {
        path[depth] = i;
        flatten(row, depth + 1, dims, out, pos, path); // throws the null or ragged error
      }
      if (width == 1) {
        out[p++] = row[0];
      } else {
        System.arraycopy(row, 0, out, p, row.length);
        p += row.length;
      }
    }
    pos[0] = p;
  }

  private static String where(int[] path, int depth) {
    StringBuilder b = new StringBuilder("index ");
    for (int k = 0; k < depth; k++) {
      b.append('[').append(path[k]).append(']');
    }
    return depth == 0 ? "the top level" : b.toString();
  }

  @Override
  public String toString() {
    return "HostArray(shape=" + shape + ", dtype=" + dtype + ")";
  }

  /** True when {@code o} has the same dtype, shape and values. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HostArray h) || !dtype.equals(h.dtype) || !shape.equals(h.shape)) {
      return false;
    }
    return switch (dtype) {
      case "float32" -> Arrays.equals((float[]) data, (float[]) h.data);
      case "float64" -> Arrays.equals((double[]) data, (double[]) h.data);
      case "int32" -> Arrays.equals((int[]) data, (int[]) h.data);
      case "int64" -> Arrays.equals((long[]) data, (long[]) h.data);
      default -> Arrays.equals((boolean[]) data, (boolean[]) h.data);
    };
  }

  @Override
  public int hashCode() {
    int h = 31 * dtype.hashCode() + shape.hashCode();
    int n = Array.getLength(data);
    for (int i = 0; i < Math.min(n, 64); i++) {
      h = 31 * h + Double.hashCode(getDouble(i));
    }
    return h;
  }
}
