package io.keras4j.backend;

import java.lang.reflect.Array;

/**
 * Walks nested Java arrays ({@code float[][]}, {@code float[][][][]}, {@code double[][]}, {@code int[]}, ...): their
 * shape, the check that they are not ragged, the copy into one flat array, and the copy in float32 chunks into
 * native memory without a flat Java copy.
 *
 * <p>Porting note: NumPy arrays are flat already; a Java array of rank 2 or more is an array of arrays, so each
 * conversion reads it row by row.
 */
final class NestedArrays {
  /** The values per chunk written to a {@link HostArray.FloatSink}: 256 KiB, held in the cache while copied. */
  static final int CHUNK = 1 << 16;

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

  private static void checkOne(Object a, int depth, long[] dims, int[] path) {
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
  private static long size(long[] dims) {
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
  private static boolean inParts(long size, long[] dims) {
    return size >= PARALLEL_FLATTEN && dims.length >= 2 && dims[0] >= 2;
  }

  /** The work on top-level elements {@code from} (inclusive) to {@code to} (exclusive) of {@code top}. */
  private interface Part {
    void run(Object[] top, int from, int to);
  }

  /**
   * Runs {@code part} over consecutive ranges of {@code a}'s top-level elements, the ranges in parallel. When a part
   * finds a bad element, the whole array is checked in order, so that the error thrown names the first one as the
   * sequential walk would.
   */
  private static void inParts(Object a, long[] dims, Part part) {
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
  private interface Range {
    void run(int from, int to);
  }

  /** Runs {@code range} over consecutive ranges of {@code 0..n}, up to four per core, the ranges in parallel. */
  private static void inRanges(int n, Range range) {
    int parts = Math.min(n, 4 * Runtime.getRuntime().availableProcessors());
    java.util.stream.IntStream.range(0, parts).parallel()
        .forEach(k -> range.run((int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts)));
  }

  /**
   * Writes the flat array {@code v} to {@code sink} in one piece, or at {@link #PARALLEL_FLATTEN} values or more in
   * parts written in parallel, each from its own offset: a first copy into fresh native memory is bound by its page
   * faults, which every core takes.
   */
  static void writeFlat(float[] v, HostArray.FloatSink sink) {
    if (v.length < PARALLEL_FLATTEN) {
      sink.put(0, v, 0, v.length);
      return;
    }
    inRanges(v.length, (from, to) -> sink.put(from, v, from, to - from));
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
   * Writes the values of {@code a} of shape {@code dims}, row-major and cast to float32 as {@link HostArray#values}
   * casts them, to {@code sink} in chunks of at most {@link #CHUNK} values, checking each row on the way.
   */
  static void write(Object a, long[] dims, HostArray.FloatSink sink) {
    long size = size(dims);
    if (inParts(size, dims)) {
      writeInParts(a, dims, sink, size / dims[0]);
    } else {
      new Writer(dims, sink, 0).write(a, 0);
    }
  }

  /**
   * {@link #write} of each part of the top-level elements from its own offset ({@code inner} values per element), the
   * parts in parallel: a first copy into fresh native memory is bound by its page faults, which both cores take.
   */
  private static void writeInParts(Object a, long[] dims, HostArray.FloatSink sink, long inner) {
    inParts(a, dims, (top, from, to) -> {
      Writer w = new Writer(dims, sink, from * inner);
      for (int i = from; i < to; i++) {
        w.path[0] = i;
        w.visit(top[i], 1);
      }
      w.flush();
      w.release();
    });
  }

  /** The chunk being filled, and where it goes. */
  private static final class Writer {
    private final long[] dims;
    private final HostArray.FloatSink sink;
    private final int[] path;
    private final float[] chunk;
    private int fill;
    private long written;

    Writer(long[] dims, HostArray.FloatSink sink, long offset) {
      this.dims = dims;
      this.sink = sink;
      this.written = offset;
      this.path = new int[dims.length];
      this.chunk = takeChunk();
    }

    void write(Object a, int depth) {
      if (dims.length == 0) {
        return;
      }
      visit(a, depth);
      flush();
      release();
    }

    private void visit(Object a, int depth) {
      checkOne(a, depth, dims, path);
      if (depth == dims.length - 1) {
        row(a);
        return;
      }
      if (depth == dims.length - 2 && a instanceof float[][] rows) {
        floatRows(rows, depth);
        return;
      }
      Object[] elements = (Object[]) a;
      for (int i = 0; i < elements.length; i++) {
        path[depth] = i;
        visit(elements[i], depth + 1);
      }
    }

    /**
     * The last two axes of a float array, {@link #ROW_BLOCK} rows at a time without reflection: the common case, and
     * the costly one when rows are short (images of one channel are rows of length 1).
     */
    private void floatRows(float[][] rows, int depth) {
      int width = (int) dims[depth + 1];
      if (width > chunk.length) { // rows longer than a chunk go in pieces
        for (int i = 0; i < rows.length; i++) {
          path[depth] = i;
          visit(rows[i], depth + 1);
        }
        return;
      }
      int i = 0;
      while (i < rows.length) {
        int room = (chunk.length - fill) / Math.max(1, width);
        if (room == 0) {
          flush();
          continue;
        }
        int to = Math.min(rows.length, i + Math.min(room, ROW_BLOCK));
        int filled = copyRows(rows, i, to, width, chunk, fill);
        if (filled < 0) {
          path[depth] = -filled - 1;
          checkOne(rows[path[depth]], depth + 1, dims, path);
        }
        fill = filled;
        i = to;
      }
    }

    private void row(Object row) {
      if (row instanceof float[] f) {
        int from = 0;
        while (from < f.length) {
          if (fill == chunk.length) {
            flush();
          }
          int n = Math.min(f.length - from, chunk.length - fill);
          System.arraycopy(f, from, chunk, fill, n);
          fill += n;
          from += n;
        }
        return;
      }
      int len = Array.getLength(row);
      for (int i = 0; i < len; i++) {
        if (fill == chunk.length) {
          flush();
        }
        chunk[fill++] = cast(row, i);
      }
    }

    private void flush() {
      if (fill > 0) {
        sink.put(written, chunk, 0, fill);
        written += fill;
        fill = 0;
      }
    }

    /** Gives the chunk back to this thread's {@link #SPARE_CHUNK}, for its next walk. */
    void release() {
      SPARE_CHUNK.set(chunk);
    }
  }

  /**
   * Each thread's chunk, kept between walks: a fresh 256 KiB array at every walk is fresh memory, and where the first
   * touch of a page is slow (a virtual machine's page faults, about 10 us a page on the benchmark machine) that
   * costs more than the walk of a small array. A walk takes the thread's chunk and gives it back when done, so that
   * two walks on one thread never share one; a walk that throws leaves the next to make a new chunk.
   */
  private static final ThreadLocal<float[]> SPARE_CHUNK = new ThreadLocal<>();

  /**
   * The rows per call of {@link #copyRows} and {@link #firstBadRow}: a loop over all the rows of a large array runs
   * only a few times in a process, so the JIT compiles it late; a method called per block of rows is compiled early
   * (after about a hundred calls), and the first conversions of a fresh JVM run compiled code.
   */
  static final int ROW_BLOCK = 64;

  /**
   * Copies {@code rows[from..to)}, each of {@code width} values, into {@code out} from {@code fill}; returns the new
   * fill, or {@code -1 - i} for the first row {@code i} that is null or of another width.
   */
  private static int copyRows(float[][] rows, int from, int to, int width, float[] out, int fill) {
    int p = fill;
    for (int i = from; i < to; i++) {
      float[] row = rows[i];
      if (row == null || row.length != width) {
        return -1 - i;
      }
      if (width == 1) {
        out[p++] = row[0];
      } else {
        System.arraycopy(row, 0, out, p, width);
        p += width;
      }
    }
    return p;
  }

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

  private static float[] takeChunk() {
    float[] chunk = SPARE_CHUNK.get();
    SPARE_CHUNK.remove();
    return chunk != null ? chunk : new float[CHUNK];
  }

  /** Element {@code i} of a flat primitive array as float32, rounded through double as {@link HostArray} does. */
  private static float cast(Object row, int i) {
    if (row instanceof double[] d) {
      return (float) d[i];
    } else if (row instanceof int[] v) {
      return (float) (double) v[i];
    } else if (row instanceof long[] l) {
      return (float) (double) l[i];
    }
    return ((boolean[]) row)[i] ? 1f : 0f;
  }
}
