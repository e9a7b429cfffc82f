package io.keras4j.data;

import io.keras4j.backend.HostArray;

/**
 * The text of an {@link NDArray}, NumPy's repr on one line: {@code array([[1.0, 2.0], [3.0, 4.0]], shape=(2, 2),
 * dtype=float32)}, an array of more than 1000 elements summarized by its first and last 3 entries along each axis.
 *
 * <p>Keras equivalent: NumPy's {@code repr(ndarray)} ({@code numpy.array_repr} with its default
 * {@code threshold=1000}, {@code edgeitems=3}), what Python prints for the arrays Keras returns. Porting note: on one
 * line, with the shape, and booleans written as Python's {@code True}/{@code False}.
 */
final class NDArrayRepr {
  private NDArrayRepr() {}

  /** The repr of the array {@code host}, long axes elided. */
  static String of(HostArray host) {
    StringBuilder b = new StringBuilder("array(");
    boolean summarize = host.shape().size() > 1000;
    if (host.shape().rank() == 0) {
      b.append(element(host, 0));
    } else {
      format(host, b, 0, 0, summarize);
    }
    return b.append(", shape=").append(host.shape()).append(", dtype=").append(host.dtype()).append(')').toString();
  }

  private static void format(HostArray host, StringBuilder b, int depth, int offset, boolean summarize) {
    long[] dims = host.shape().dims();
    int len = (int) dims[depth];
    int stride = 1;
    for (int k = depth + 1; k < dims.length; k++) {
      stride *= (int) dims[k];
    }
    b.append('[');
    for (int i = 0; i < len; i++) {
      if (summarize && len > 6 && i == 3) {
        b.append("..., ");
        i = len - 3;
      }
      if (depth == dims.length - 1) {
        b.append(element(host, offset + i));
      } else {
        format(host, b, depth + 1, offset + i * stride, summarize);
      }
      if (i < len - 1) {
        b.append(", ");
      }
    }
    b.append(']');
  }

  private static String element(HostArray host, int i) {
    Object d = host.data();
    if (d instanceof float[] f) {
      return Float.toString(f[i]);
    } else if (d instanceof double[] v) {
      return Double.toString(v[i]);
    } else if (d instanceof boolean[] v) {
      return v[i] ? "True" : "False";
    }
    return Long.toString(host.getLong(i));
  }
}
