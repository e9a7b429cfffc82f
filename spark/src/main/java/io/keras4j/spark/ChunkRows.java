package io.keras4j.spark;

import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.unsafe.Platform;

/**
 * The input rows of one chunk, kept while the model scores them. Spark's iterators reuse their row object, so each
 * row must be copied; a row in Spark's binary format ({@link UnsafeRow}, what a query's rows are) is copied into one
 * byte array that every chunk of the partition reuses, and read back through one reused row view, so keeping a row
 * allocates nothing. Any other row is copied on its own. Keras equivalent: none.
 */
final class ChunkRows {
  private byte[] bytes = new byte[1 << 16];
  private int used;
  private int[] offsets = new int[1024];
  private int[] sizes = new int[1024];
  private InternalRow[] others;
  private UnsafeRow view;
  private int size;

  /** Rows held. */
  int size() {
    return size;
  }

  /** Forgets every row; the memory is kept for the next chunk. */
  void clear() {
    used = 0;
    size = 0;
    if (others != null) {
      Arrays.fill(others, null);
    }
  }

  /** Keeps a copy of {@code row}. */
  void add(InternalRow row) {
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, 2 * size);
      sizes = Arrays.copyOf(sizes, 2 * size);
      others = others == null ? null : Arrays.copyOf(others, 2 * size);
    }
    if (row instanceof UnsafeRow u) {
      int n = u.getSizeInBytes();
      if (used + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + n));
      }
      u.writeToMemory(bytes, Platform.BYTE_ARRAY_OFFSET + used);
      offsets[size] = used;
      sizes[size] = n;
      used += n;
      if (view == null) {
        view = new UnsafeRow(u.numFields());
      }
    } else {
      if (others == null) {
        others = new InternalRow[offsets.length];
      }
      others[size] = row.copy();
      sizes[size] = -1;
    }
    size++;
  }

  /** Row {@code i}: valid until the next call of {@code get}, {@link #add} or {@link #clear}. */
  InternalRow get(int i) {
    if (sizes[i] < 0) {
      return others[i];
    }
    view.pointTo(bytes, Platform.BYTE_ARRAY_OFFSET + offsets[i], sizes[i]);
    return view;
  }
}
