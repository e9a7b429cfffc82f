package io.keras4j.backend;

import java.lang.reflect.Array;

/**
 * Walks nested Java arrays ({@code float[][]}, {@code float[][][][]}, {@code double[][]}, {@code int[]}, ...): their
 * shape, the check that they are not ragged and the copy into one flat array; {@link NestedArrayWriter} copies them
 * into native memory.
 *
 * <p>Porting note: NumPy arrays are flat already; a Java array of rank 2 or more is an array of arrays, so each
 * conversion reads it row by row.
 */
final class NestedArrays {
  private NestedArrays() {}

  /** The primitive element type of {@code data}, a Java array, refusing the types keras4j does not take. */
  static Class<?> leaf(Object data) {
    Class<?> leaf = data.getClass();
    while (leaf.isArray()) {
      leaf = leaf.getComponentType();
    }
    if (!leaf.isPrimitive() || leaf == char.class || leaf == byte.class || leaf == short.class) {
      throw new IllegalArgumentException("Unsupported element type " + leaf.getSimpleName() + "; expected float, "
          + "double, int, long or boolean");
    }
    return leaf;
  }

  /** The shape of {@code data}, read from the first element along each axis. */
  static long[] dims(Object data) {
    int rank = 0;
    for (Class<?> c = data.getClass(); c.isArray(); c = c.getComponentType()) {
      rank++;
    }
    long[] dims = new long[rank];
    Object a = data;
    for (int k = 0; k < rank; k++) {
      dims[k] = a == null ? 0 : Array.getLength(a);
      a = dims[k] > 0 ? Array.get(a, 0) : null;
    }
    return dims;
  }

  /**
   * Throws the error of a null element or a row whose length differs from {@code dims}, naming where it is, the
   * length expected and the length found: the first such element in row-major order, also when an array of
   * {@link #PARALLEL_FLATTEN} values or more is checked in parts on every core.
   */
  static void check(Object a, long[] dims) {
    if (inParts(size(dims), dims)) {
      checkInParts(a, dims);
    } else {
      checkInOrder(a, dims);
    }
  }

  private static void checkInOrder(Object a, long[] dims) {
    check(a, 0, dims, new int[dims.length]);
  }

  /**
   * {@link #check} of each part of the top-level elements, the parts in parallel: the check walks every row, and
   * W3's {@code float[10000][28][28][1]} holds 7,840,000 rows of one value (26 ms on one core, 15 on two).
   */
  private static void checkInParts(Object a, long[] dims) {
    inParts(a, dims, (top, from, to) -> {
      int[] path = new int[dims.length];
      for (int i = from; i < to; i++) {
        path[0] = i;
        check(top[i], 1, dims, path);
      }
    });
  }

  private static void check(Object a, int depth, long[] dims, int[] path) {
    checkOne(a, depth, dims, path);
    if (depth == dims.length - 1) {
      return;
    }
    Object[] elements = (Object[]) a; // above the leaves every level is an array of arrays
    if (depth == dims.length - 2 && a instanceof float[][] rows) {
      for (int i = 0; i < rows.length; i += ROW_BLOCK) {
        int bad = firstBadRow(rows, i, Math.min(rows.length, i + ROW_BLOCK), dims[depth + 1]);
        if (bad >= 0) {
          path[depth] = bad;
          checkOne(rows[bad], depth + 1, dims, path);
        }
      }
      return;
    }
    if (depth == dims.length - 2) {
      long width = dims[depth + 1];
      for (int i = 0; i < elements.length; i++) {
        Object row = elements[i];
        if (row == null || Array.getLength(row) != width) {
          path[depth] = i;
          checkOne(row, depth + 1, dims, path);
        }
      }
      return;
    }
    for (int i = 0; i < elements.length; i++) {
      path[depth] = i;
      check(elements[i], depth + 1, dims, path);
    }
  }

  static void checkOne(Object a, int depth, long[] dims, int[] path) {
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
  }

  private static String where(int[] path, int depth) {
    StringBuilder b = new StringBuilder("index ");
    for (int k = 0; k < depth; k++) {
      b.append('[').append(path[k]).append(']');
    }
    return depth == 0 ? "the top level" : b.toString();
  }

  /**
   * Arrays of at least this many values are flattened on every core, in parts of their top-level elements: walking
   * millions of short rows (images of one channel are rows of length 1) is bound by the walk, not by memory.
   */
  static final long PARALLEL_FLATTEN = 1 << 20;

  /** The number of values of shape {@code dims}. */
  static long size(long[] dims) {
    long size = 1;
    for (long d : dims) {
      size *= d;
    }
    return size;
  }

  /** The values of {@code a} of shape {@code dims}, row-major, in an array of its own element type. */
  static Object flatten(Object a, long[] dims, Class<?> leaf) {
    long size = size(dims);
    Object out = Array.newInstance(leaf, Math.toIntExact(size));
    if (inParts(size, dims)) {
      flattenInParts(a, dims, out, size / dims[0]);
    } else {
      flatten(a, 0, dims, out, new int[] {0}, new int[dims.length]);
    }
    return out;
  }

  /** {@link #flatten} of each top-level element at its own offset ({@code inner} values each), parts in parallel. */
  private static void flattenInParts(Object a, long[] dims, Object out, long inner) {
    inParts(a, dims, (top, from, to) -> {
      int[] path = new int[dims.length];
      for (int i = from; i < to; i++) {
        path[0] = i;
        flatten(top[i], 1, dims, out, new int[] {Math.toIntExact(i * inner)}, path);
      }
    });
  }

  /** Whether an array of {@code size} values and shape {@code dims} is walked in parts on every core. */
  static boolean inParts(long size, long[] dims) {
    return size >= PARALLEL_FLATTEN && dims.length >= 2 && dims[0] >= 2;
  }

  /** The work on top-level elements {@code from} (inclusive) to {@code to} (exclusive) of {@code top}. */
  interface Part {
    void run(Object[] top, int from, int to);
  }

  /**
   * Runs {@code part} over consecutive ranges of {@code a}'s top-level elements, the ranges in parallel. When a part
   * finds a bad element, the whole array is checked in order, so that the error thrown names the first one as the
   * sequential walk would.
   */
  static void inParts(Object a, long[] dims, Part part) {
    checkOne(a, 0, dims, new int[dims.length]);
    Object[] top = (Object[]) a;
    try {
      inRanges(top.length, (from, to) -> part.run(top, from, to));
    } catch (IllegalArgumentException e) {
      checkInOrder(a, dims);
      throw e;
    }
  }

  /** Work on the elements {@code from} (inclusive) to {@code to} (exclusive) of something of known length. */
  interface Range {
    void run(int from, int to);
  }

  /**
   * Runs {@code range} over consecutive ranges of {@code 0..n}, up to four per core, the ranges in parallel, and
   * returns or throws only when every range has finished: a parallel stream rethrows the first failure while the
   * other ranges still run, and a caller that then frees what they write to (a native tensor) corrupts the heap. The
   * failure of the first failed range is thrown.
   */
  static void inRanges(int n, Range range) {
    int parts = Math.min(n, 4 * Runtime.getRuntime().availableProcessors());
    Throwable[] failures = new Throwable[parts];
    java.util.stream.IntStream.range(0, parts).parallel().forEach(k -> {
      try {
        range.run((int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts));
      } catch (RuntimeException | Error e) {
        failures[k] = e;
      }
    });
    for (Throwable t : failures) {
      if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      }
    }
  }

  private static void flatten(Object a, int depth, long[] dims, Object out, int[] pos, int[] path) {
    checkOne(a, depth, dims, path);
    if (depth == dims.length - 1) {
      int len = Array.getLength(a);
      System.arraycopy(a, 0, out, pos[0], len);
      pos[0] += len;
      return;
    }
    if (depth == dims.length - 2 && a instanceof float[][] rows && out instanceof float[] flat) {
      floatRows(rows, dims, depth, flat, pos, path);
      return;
    }
    Object[] elements = (Object[]) a;
    for (int i = 0; i < elements.length; i++) {
      path[depth] = i;
      flatten(elements[i], depth + 1, dims, out, pos, path);
    }
  }

  /**
   * The last two axes of a float array, row by row without reflection: the common case, and the costly one when
   * rows are short (images of one channel are rows of length 1).
   */
  private static void floatRows(float[][] rows, long[] dims, int depth, float[] out, int[] pos, int[] path) {
    long width = dims[depth + 1];
    int p = pos[0];
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      if (row == null || row.length != width) {
        path[depth] = i;
        checkOne(row, depth + 1, dims, path);
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

  /**
   * The rows per call of {@link NestedArrayWriter}'s copy of rows and of {@link #firstBadRow}: a loop over all the
   * rows of a large array runs only a few times in a process, so the JIT compiles it late; a method called per block
   * of rows is compiled early (after about a hundred calls), and the first conversions of a fresh JVM run compiled
   * code.
   */
  static final int ROW_BLOCK = 64;

  /** The first of {@code rows[from..to)} that is null or not {@code width} long, or -1. */
  private static int firstBadRow(float[][] rows, int from, int to, long width) {
    for (int i = from; i < to; i++) {
      float[] row = rows[i];
      if (row == null || row.length != width) {
        return i;
      }
    }
    return -1;
  }
}
