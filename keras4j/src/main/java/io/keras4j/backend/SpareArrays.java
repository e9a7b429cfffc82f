package io.keras4j.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The native arrays of the last data set a {@code fit}, {@code evaluate} or {@code predict} fed, kept after it ends so
 * that the next call over arrays of the same shapes writes the values into them rather than allocating anew.
 *
 * <p>TensorFlow's CPU allocator keeps the memory it frees for later tensors, and small tensors allocated between two
 * fits can take part of a freed data set's block: the next fit's copy of the data set then went to fresh memory, which
 * cost W2's 188 MB training set 48,000 page faults (0.6 s of a 1.8 s epoch) and 188 MB more resident memory. Reusing
 * the arrays keeps one block. Keras has no equivalent (a NumPy array is fed through {@code tf.data} each fit);
 * {@link Backend#clearSession()} frees the kept arrays.
 */
public final class SpareArrays {
  private static final List<NativeArray> SPARE = new ArrayList<>();

  private SpareArrays() {}

  /**
   * {@code arrays}' values in native float32 arrays, in order: written into kept arrays of the same shapes where there
   * are such, copied into new ones otherwise. Kept arrays that match none are freed first.
   */
  public static synchronized List<NativeArray> arrays(List<HostArray> arrays) {
    List<NativeArray> matched = new ArrayList<>();
    for (HostArray a : arrays) {
      matched.add(takeMatching(a.shape()));
    }
    clear();
    List<NativeArray> out = new ArrayList<>();
    try {
      for (int i = 0; i < arrays.size(); i++) {
        NativeArray reuse = matched.get(i);
        if (reuse != null && reuse.rewrite(arrays.get(i))) {
          matched.set(i, null);
          out.add(reuse);
        } else {
          out.add(Backend.array(arrays.get(i)));
        }
      }
    } catch (RuntimeException | Error e) {
      out.forEach(NativeArray::close);
      throw e;
    } finally {
      for (NativeArray unused : matched) { // kept arrays not refilled (those refilled were set to null)
        if (unused != null) {
          unused.close();
        }
      }
    }
    return out;
  }

  private static NativeArray takeMatching(Shape shape) {
    for (int i = 0; i < SPARE.size(); i++) {
      NativeArray s = SPARE.get(i);
      if ("float32".equals(s.dtype()) && s.shape().equals(shape)) {
        return SPARE.remove(i);
      }
    }
    return null;
  }

  /** Keeps {@code arrays} for the next {@link #arrays} call, freeing those kept before. */
  public static synchronized void keep(List<NativeArray> arrays) {
    clear();
    SPARE.addAll(arrays);
  }

  /** Frees the kept arrays. */
  public static synchronized void clear() {
    SPARE.forEach(NativeArray::close);
    SPARE.clear();
  }
}
