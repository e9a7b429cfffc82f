package io.keras4j.data;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * A shaped array of numbers: what Keras takes and returns as NumPy arrays ({@code predict}'s outputs,
 * {@code get_weights}, {@code np.load}).
 *
 * <pre>{@code
 * NDArray x = NDArray.of(new float[][] {{1, 2}, {3, 4}});        // shape (2, 2), float32
 * NDArray images = NDArray.of(pixels, 60000, 28, 28, 1);          // a flat float[] with a shape
 * NDArray p = model.predict(images);                              // shape (60000, 10)
 * float[][] rows = p.toFloat2D();
 * float[][][][] maps = p.toArray(float[][][][].class);            // any rank
 * float v = p.getFloat(0, 3);
 * }</pre>
 *
 * <p>Keras equivalent: {@code numpy.ndarray}. Porting note: Java has no NumPy, so this class keeps what keras4j's
 * API needs of one: a dtype ({@code "float32"}, {@code "float64"}, {@code "int32"}, {@code "int64"},
 * {@code "bool"}), a shape, row-major values, conversions from and to Java arrays of any rank, {@link #reshape},
 * {@link #astype}, and {@code .npy} files through {@link Npy}. TensorFlow Java NdArrays convert with
 * {@code NDArray.of(ndArray)} and {@link #toNdArray(Class) x.toNdArray(FloatNdArray.class)}. No method of
 * an NDArray changes it: factories from Java arrays copy them and accessors return copies. Porting note: an engine
 * {@link HostArray} is wrapped without a copy, and {@link #toHost()} hands it back without one, so that
 * {@code predict} and the data adapters move large arrays once; code holding that HostArray sees the same values.
 */
public final class NDArray implements HostArray.Source {
  private final HostArray host;

  private NDArray(HostArray host) {
    this.host = host;
  }

  /**
   * Converts a Java array of any rank ({@code float[][]}, {@code int[]}, {@code double[][][]}, ...; float, double,
   * int, long or boolean elements), a TensorFlow Java NdArray, or an engine {@link HostArray} (wrapped, not
   * copied), keeping the element type: {@code float} gives float32, {@code double} float64, {@code int} int32,
   * {@code long} int64, {@code boolean} bool (NumPy's {@code np.asarray}).
   *
   * @throws IllegalArgumentException for anything else, or a ragged array
   */
  public static NDArray of(Object array) {
    if (array instanceof NDArray a) {
      return a;
    }
    return new NDArray(HostArray.typed(array));
  }

  /** A float32 array of {@code shape} over a copy of {@code values}; no shape gives a 1-D array. */
  public static NDArray of(float[] values, long... shape) {
    return flat(values.clone(), shape);
  }

  /** A float64 array of {@code shape} over a copy of {@code values}; no shape gives a 1-D array. */
  public static NDArray of(double[] values, long... shape) {
    return flat(values.clone(), shape);
  }

  /** An int32 array of {@code shape} over a copy of {@code values}; no shape gives a 1-D array. */
  public static NDArray of(int[] values, long... shape) {
    return flat(values.clone(), shape);
  }

  /** An int64 array of {@code shape} over a copy of {@code values}; no shape gives a 1-D array. */
  public static NDArray of(long[] values, long... shape) {
    return flat(values.clone(), shape);
  }

  /** A float32 scalar (rank 0). */
  public static NDArray scalar(float value) {
    return new NDArray(new HostArray(new float[] {value}, Shape.scalar()));
  }

  /** An array of zeros of {@code dtype} and {@code shape} (NumPy's {@code np.zeros(shape, dtype)}). */
  public static NDArray zeros(String dtype, long... shape) {
    return new NDArray(new HostArray(newData(dtype, Math.toIntExact(Shape.of(shape).size())), Shape.of(shape)));
  }

  private static NDArray flat(Object values, long[] shape) {
    long[] dims = shape.length == 0 ? new long[] {Array.getLength(values)} : resolve(shape, Array.getLength(values));
    return new NDArray(new HostArray(values, Shape.of(dims)));
  }

  /** The engine's array, not copied (for the backend and the data adapters). */
  @Override
  public HostArray toHost() {
    return host;
  }

  /**
   * A copy as the engine's own array type (Keras' {@code ops.convert_to_tensor} then {@code .numpy()} the other
   * way): with TensorFlow Java a {@code FloatNdArray} for float32, {@code DoubleNdArray}, {@code IntNdArray},
   * {@code LongNdArray} or {@code BooleanNdArray}.
   * <pre>{@code FloatNdArray nd = x.toNdArray(FloatNdArray.class);}</pre>
   *
   * @throws IllegalArgumentException when the engine's array for this dtype is not a {@code type}
   */
  public <T> T toNdArray(Class<T> type) {
    Object array = Backend.engineArray(host);
    if (!type.isInstance(array)) {
      throw new IllegalArgumentException("An NDArray of dtype " + dtype() + " converts to the engine's "
          + (array == null ? "nothing" : array.getClass().getSimpleName()) + ", not to " + type.getSimpleName()
          + ". Expected, for float32, toNdArray(FloatNdArray.class)");
    }
    return type.cast(array);
  }

  /** "float32", "float64", "int32", "int64" or "bool". */
  public String dtype() {
    return host.dtype();
  }

  /** The dimensions, such as {@code [60000, 28, 28, 1]} (a copy). */
  public long[] shape() {
    return host.shape().dims().clone();
  }

  /** The number of axes ({@code ndim}). */
  public int rank() {
    return host.shape().rank();
  }

  /** The number of elements. */
  public long size() {
    return host.shape().size();
  }

  /** The length of the first axis ({@code len(a)}): the number of samples. */
  public int length() {
    if (rank() == 0) {
      throw new IllegalStateException("A scalar NDArray has no length");
    }
    return host.length();
  }

  // ---- elements ----

  /** The element at {@code index} (one per axis) as float. */
  public float getFloat(long... index) {
    return (float) host.getDouble(offset(index));
  }

  /** The element at {@code index} (one per axis) as double. */
  public double getDouble(long... index) {
    return host.getDouble(offset(index));
  }

  /** The element at {@code index} (one per axis) as int (floats truncated toward zero). */
  public int getInt(long... index) {
    return (int) host.getLong(offset(index));
  }

  /** The element at {@code index} (one per axis) as long (floats truncated toward zero). */
  public long getLong(long... index) {
    return host.getLong(offset(index));
  }

  /** The element at {@code index} (one per axis) as boolean (non-zero is true). */
  public boolean getBoolean(long... index) {
    int i = offset(index);
    return host.data() instanceof boolean[] b ? b[i] : host.getDouble(i) != 0;
  }

  private int offset(long[] index) {
    long[] dims = host.shape().dims();
    if (index.length != dims.length) {
      throw new IllegalArgumentException("An array of shape " + host.shape() + " needs " + dims.length
          + " indices. Received: " + index.length + " " + Arrays.toString(index));
    }
    long off = 0;
    for (int k = 0; k < dims.length; k++) {
      long i = index[k] < 0 ? index[k] + dims[k] : index[k];
      if (i < 0 || i >= dims[k]) {
        throw new IndexOutOfBoundsException("index " + index[k] + " is out of bounds for axis " + k + " with size "
            + dims[k]);
      }
      off = off * dims[k] + i;
    }
    return (int) off;
  }

  // ---- conversions ----

  /** The values, row-major, as float (a copy). */
  public float[] toFloatArray() {
    return (float[]) astype("float32").copyData();
  }

  /** The values, row-major, as double (a copy). */
  public double[] toDoubleArray() {
    return (double[]) astype("float64").copyData();
  }

  /** The values, row-major, as int (a copy; floats truncated toward zero). */
  public int[] toIntArray() {
    return (int[]) astype("int32").copyData();
  }

  /** The values, row-major, as long (a copy; floats truncated toward zero). */
  public long[] toLongArray() {
    return (long[]) astype("int64").copyData();
  }

  private Object copyData() {
    Object d = host.data();
    Object out = Array.newInstance(d.getClass().getComponentType(), Array.getLength(d));
    System.arraycopy(d, 0, out, 0, Array.getLength(d));
    return out;
  }

  /** A rank-2 array as {@code float[rows][columns]}; see {@link #toArray(Class)} for other ranks. */
  public float[][] toFloat2D() {
    return toArray(float[][].class);
  }

  /** A nested Java array of this array's rank and element type ({@code float[][]} for a float32 matrix). */
  public Object toArray() {
    return toArray(Array.newInstance(host.data().getClass().getComponentType(), new int[rank()]).getClass());
  }

  /**
   * A nested Java array of {@code type}, whose rank must be this array's; the elements are converted to its element
   * type (float, double, int, long or boolean).
   * <pre>{@code float[][][][] maps = model.predict(images).toArray(float[][][][].class);}</pre>
   */
  public <T> T toArray(Class<T> type) {
    Class<?> leaf = type;
    int r = 0;
    while (leaf.isArray()) {
      leaf = leaf.getComponentType();
      r++;
    }
    if (r != rank() || r == 0) {
      throw new IllegalArgumentException("Cannot convert an array of shape " + host.shape() + " (rank " + rank()
          + ") to " + type.getSimpleName() + " (rank " + r + ")");
    }
    Object flat = astype(dtypeOf(leaf, type)).host.data();
    long[] dims = host.shape().dims();
    Object out = Array.newInstance(leaf, Arrays.stream(dims).mapToInt(Math::toIntExact).toArray());
    fill(out, 0, dims, flat, new int[] {0});
    return type.cast(out);
  }

  private static void fill(Object a, int depth, long[] dims, Object flat, int[] pos) {
    int len = (int) dims[depth];
    if (depth == dims.length - 1) {
      System.arraycopy(flat, pos[0], a, 0, len);
      pos[0] += len;
      return;
    }
    for (int i = 0; i < len; i++) {
      fill(Array.get(a, i), depth + 1, dims, flat, pos);
    }
  }

  private static String dtypeOf(Class<?> leaf, Class<?> type) {
    if (leaf == float.class) {
      return "float32";
    } else if (leaf == double.class) {
      return "float64";
    } else if (leaf == int.class) {
      return "int32";
    } else if (leaf == long.class) {
      return "int64";
    } else if (leaf == boolean.class) {
      return "bool";
    }
    throw new IllegalArgumentException("Cannot convert to " + type.getSimpleName() + "; expected float, double, "
        + "int, long or boolean elements");
  }

  /** A copy converted to {@code dtype} (NumPy's {@code astype}); this array when it already has that dtype. */
  public NDArray astype(String dtype) {
    if (dtype.equals(dtype())) {
      return this;
    }
    int n = Math.toIntExact(size());
    Object out = newData(dtype, n);
    for (int i = 0; i < n; i++) {
      switch (dtype) {
        case "float32" -> ((float[]) out)[i] = (float) host.getDouble(i);
        case "float64" -> ((double[]) out)[i] = host.getDouble(i);
        case "int32" -> ((int[]) out)[i] = (int) host.getLong(i);
        case "int64" -> ((long[]) out)[i] = host.getLong(i);
        default -> ((boolean[]) out)[i] = host.getDouble(i) != 0;
      }
    }
    return new NDArray(new HostArray(out, host.shape()));
  }

  private static Object newData(String dtype, int n) {
    return switch (dtype) {
      case "float32" -> new float[n];
      case "float64" -> new double[n];
      case "int32" -> new int[n];
      case "int64" -> new long[n];
      case "bool" -> new boolean[n];
      default -> throw new IllegalArgumentException("Unsupported dtype. Expected one of float32, float64, int32, "
          + "int64, bool. Received: dtype=" + dtype);
    };
  }

  /**
   * The same values with another shape of the same size (NumPy's {@code reshape}); one dimension may be -1, worked
   * out from the others. The values are shared, not copied.
   */
  public NDArray reshape(long... shape) {
    return new NDArray(new HostArray(host.data(), Shape.of(resolve(shape, size()))));
  }

  private static long[] resolve(long[] shape, long size) {
    long[] dims = shape.clone();
    int unknown = -1;
    long known = 1;
    for (int k = 0; k < dims.length; k++) {
      if (dims[k] == -1 && unknown < 0) {
        unknown = k;
      } else if (dims[k] < 0) {
        throw new IllegalArgumentException("Invalid shape " + Arrays.toString(shape) + ": only one dimension can be "
            + "-1, the others must be >= 0");
      } else {
        known *= dims[k];
      }
    }
    if (unknown >= 0 && known > 0 && size % known == 0) {
      dims[unknown] = size / known;
      known *= dims[unknown];
    }
    if (known != size || unknown >= 0 && known == 0) {
      throw new IllegalArgumentException("Cannot reshape an array of size " + size + " into shape "
          + Shape.of(shape).toString().replace("None", "-1"));
    }
    return dims;
  }

  // ---- object methods ----

  /** True when {@code o} is an NDArray of the same dtype, shape and values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof NDArray a && host.equals(a.host);
  }

  @Override
  public int hashCode() {
    return host.hashCode();
  }

  /** NumPy's repr on one line, such as {@code array([[1.0, 2.0], [3.0, 4.0]], dtype=float32)}; long axes elided. */
  @Override
  public String toString() {
    return NDArrayRepr.of(host);
  }
}
