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
 * inputs to floatx; {@link #typed} keeps the element type. {@link #deferred} converts as {@code of} but leaves a
 * nested Java array where it is until its values are needed, so that {@code fit} and {@code predict} copy it straight
 * into native memory ({@link #copyTo(FloatSink)}) without a flat Java copy on the way.
 */
public final class HostArray {
  /** Something that converts itself to a HostArray, such as {@code io.keras4j.data.NDArray}. */
  public interface Source {
    HostArray toHost();
  }

  /**
   * Receives float32 values, row-major, a chunk at a time: {@code length} values of {@code values} from index
   * {@code from}, to be placed at {@code offset}. A large array's chunks come from several threads at once, each for
   * its own range of offsets.
   */
  @FunctionalInterface
  public interface FloatSink {
    void put(long offset, float[] values, int from, int length);
  }

  private Object data; // null while deferred, until the values are first needed
  private final Object nested; // the Java array of a deferred array, else null
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
    this.nested = null;
    this.shape = shape;
  }

  private HostArray(Object nested, Shape shape, boolean deferred) {
    this.dtype = "float32";
    this.nested = nested;
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

  /** The values, row-major, in their own type (not copied; flattened once when deferred). */
  public synchronized Object data() {
    if (data == null) {
      HostArray flat = new HostArray(NestedArrays.flatten(nested, shape.dims(), NestedArrays.leaf(nested)), shape);
      data = flat.values();
    }
    return data;
  }

  /** The values as float32, row-major: the array itself when float32 (not copied), else converted once. */
  public synchronized float[] values() {
    if (data() instanceof float[] f) {
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
    return data() instanceof float[] ? this : new HostArray(values().clone(), shape);
  }

  /** Element {@code i} in row-major order, as double (bool as 0 or 1). */
  public double getDouble(int i) {
    Object data = data();
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
    Object data = data();
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
    if (data == null && shape.rank() > 1) { // deferred: the rows' arrays, not their values
      Object top = Array.newInstance(nested.getClass().getComponentType(), to - from);
      System.arraycopy(nested, from, top, 0, to - from);
      return new HostArray(top, shape.with(0, to - from), true);
    }
    Object data = data();
    int row = rowSize();
    Object v = Array.newInstance(data.getClass().getComponentType(), (to - from) * row);
    System.arraycopy(data, from * row, v, 0, (to - from) * row);
    return new HostArray(v, shape.with(0, to - from));
  }

  /** The samples at {@code indices}, in that order. */
  public HostArray take(int[] indices) {
    Object data = data();
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
   * Writes the values as float32, row-major, to {@code sink} in chunks: a deferred array straight from its Java
   * array, without flattening it first.
   */
  public void copyTo(FloatSink sink) {
    Object source;
    synchronized (this) {
      source = data == null ? nested : null;
    }
    if (source != null) {
      NestedArrayWriter.write(source, shape.dims(), sink);
      return;
    }
    NestedArrayWriter.writeFlat(values(), sink);
  }

  /** True while this is a deferred Java array not yet flattened (see {@link #deferred}). */
  public synchronized boolean isDeferred() {
    return data == null;
  }

  /**
   * The shortest last axis for which {@link #deferred} keeps a Java array of double, int, long or boolean elements:
   * shorter rows of those cost as much to check as to cast, so checking them before a copy straight to native memory
   * would read the array twice where flattening it reads it once. Float arrays are kept at any row length: their
   * rows are checked and copied without reflection, and a flat copy would be fresh memory at every call.
   */
  static final int MIN_DEFERRED_ROW = 8;

  /**
   * Converts as {@link #of}, but a Java array (float elements, or double, int, long or boolean ones whose last axis
   * has at least {@value #MIN_DEFERRED_ROW} values; any rank >= 1) is checked and kept, not copied: its values are
   * flattened when first read, or written by {@link #copyTo(FloatSink)} straight from it. For arrays used within one
   * call, such as the data of {@code fit}.
   *
   * @throws IllegalArgumentException as {@link #of}: a ragged array, an unsupported element type
   */
  public static HostArray deferred(Object data) {
    return deferred(data, true);
  }

  /**
   * {@link #deferred(Object)}, with the check of a kept Java array left out when {@code check} is false: for a
   * caller that copies the array into native memory at once, since the copy ({@link #copyTo}), like any walk of a
   * deferred array, checks every row as it goes and throws the same error. One walk instead of a check and a copy:
   * W3's {@code float[10000][28][28][1]} holds 7,840,000 rows of one value, and each walk of it takes about 15 ms.
   */
  public static HostArray deferred(Object data, boolean check) {
    if (data == null || !data.getClass().isArray()) {
      return of(data);
    }
    Class<?> leaf = NestedArrays.leaf(data);
    long[] dims = NestedArrays.dims(data);
    if (leaf != float.class && dims[dims.length - 1] < MIN_DEFERRED_ROW) {
      return of(data);
    }
    if (check) {
      NestedArrays.check(data, dims);
    }
    return new HostArray(data, Shape.of(dims), true);
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
    Class<?> leaf = NestedArrays.leaf(data);
    long[] dims = NestedArrays.dims(data);
    return new HostArray(NestedArrays.flatten(data, dims, leaf), Shape.of(dims));
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
      case "float32" -> Arrays.equals((float[]) data(), (float[]) h.data());
      case "float64" -> Arrays.equals((double[]) data(), (double[]) h.data());
      case "int32" -> Arrays.equals((int[]) data(), (int[]) h.data());
      case "int64" -> Arrays.equals((long[]) data(), (long[]) h.data());
      default -> Arrays.equals((boolean[]) data(), (boolean[]) h.data());
    };
  }

  @Override
  public int hashCode() {
    int h = 31 * dtype.hashCode() + shape.hashCode();
    int n = Array.getLength(data());
    for (int i = 0; i < Math.min(n, 64); i++) {
      h = 31 * h + Double.hashCode(getDouble(i));
    }
    return h;
  }
}
