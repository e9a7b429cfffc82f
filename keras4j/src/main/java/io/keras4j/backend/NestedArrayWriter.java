package io.keras4j.backend;

import java.lang.reflect.Array;

/**
 * Writes a nested Java array to native memory in float32 chunks, checking each row on the way, without a flat Java
 * copy: the conversion {@code fit}, {@code evaluate} and {@code predict} make of a nested x. The shape and the check
 * are {@link NestedArrays}'.
 *
 * <p>Porting note: Keras converts a NumPy array, flat already; a Java array of rank 2 or more is an array of arrays,
 * read here row by row.
 */
final class NestedArrayWriter {
  /** The values per chunk written to a {@link HostArray.FloatSink}: 256 KiB, held in the cache while copied. */
  static final int CHUNK = 1 << 16;

  private NestedArrayWriter() {}

  /**
   * Writes the values of {@code a} of shape {@code dims}, row-major and cast to float32 as {@link HostArray#values}
   * casts them, to {@code sink} in chunks of at most {@link #CHUNK} values, checking each row on the way.
   */
  static void write(Object a, long[] dims, HostArray.FloatSink sink) {
    long size = NestedArrays.size(dims);
    if (NestedArrays.inParts(size, dims)) {
      writeInParts(a, dims, sink, size / dims[0]);
    } else {
      new Writer(dims, sink, 0).write(a, 0);
    }
  }

  /**
   * Writes the flat array {@code v} to {@code sink} in one piece, or at {@link NestedArrays#PARALLEL_FLATTEN} values
   * or more in parts written in parallel, each from its own offset: a first copy into fresh native memory is bound by
   * its page faults, which every core takes.
   */
  static void writeFlat(float[] v, HostArray.FloatSink sink) {
    if (v.length < NestedArrays.PARALLEL_FLATTEN) {
      sink.put(0, v, 0, v.length);
      return;
    }
    NestedArrays.inRanges(v.length, (from, to) -> sink.put(from, v, from, to - from));
  }

  /**
   * {@link #write} of each part of the top-level elements from its own offset ({@code inner} values per element), the
   * parts in parallel: a first copy into fresh native memory is bound by its page faults, which both cores take.
   */
  private static void writeInParts(Object a, long[] dims, HostArray.FloatSink sink, long inner) {
    NestedArrays.inParts(a, dims, (top, from, to) -> {
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
      NestedArrays.checkOne(a, depth, dims, path);
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
     * The last two axes of a float array, {@link NestedArrays#ROW_BLOCK} rows at a time without reflection: the
     * common case, and the costly one when rows are short (images of one channel are rows of length 1).
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
        int to = Math.min(rows.length, i + Math.min(room, NestedArrays.ROW_BLOCK));
        int filled = copyRows(rows, i, to, width, chunk, fill);
        if (filled < 0) {
          path[depth] = -filled - 1;
          NestedArrays.checkOne(rows[path[depth]], depth + 1, dims, path);
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
