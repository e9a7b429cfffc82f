package io.keras4j.layers;

import java.util.Arrays;

/** Keras' forms of per-axis (before, after) amounts: one int, one int per axis, or a pair per axis. */
final class SpatialPads {
  private SpatialPads() {}

  /** {@code values} as rank pairs: a single int for all, or one symmetric int per axis. */
  static int[][] of(String name, int rank, int... values) {
    int[][] p = new int[rank][2];
    if (values.length == 1) {
      for (int[] a : p) {
        Arrays.fill(a, values[0]);
      }
    } else if (values.length == rank) {
      for (int i = 0; i < rank; i++) {
        Arrays.fill(p[i], values[i]);
      }
    } else if (rank == 1 && values.length == 2) {
      p[0] = values.clone();
    } else {
      throw new IllegalArgumentException("`" + name + "` should be an int, a tuple of " + rank + " ints or " + rank
          + " pairs of ints. Received: " + name + "=" + Arrays.toString(values));
    }
    return check(name, p);
  }

  /** Keras' config form: a (before, after) list for one axis, a list of such pairs for more. */
  static Object toConfig(int[][] p) {
    if (p.length == 1) {
      return ConvUtils.list(p[0]);
    }
    java.util.List<Object> out = new java.util.ArrayList<>();
    for (int[] pair : p) {
      out.add(ConvUtils.list(pair));
    }
    return out;
  }

  static int[][] check(String name, int[][] p) {
    for (int[] a : p) {
      if (a.length != 2 || a[0] < 0 || a[1] < 0) {
        throw new IllegalArgumentException("`" + name + "` must be non-negative (before, after) pairs. Received: "
            + name + "=" + Arrays.deepToString(p));
      }
    }
    return p;
  }

  /**
   * Keras' padding and cropping forms in a config, for {@code rank} axes: an int, a list of ints (one per axis, or
   * (left, right) for rank 1), or a list of (before, after) pairs; {@code fallback} on every side when absent.
   */
  static int[][] fromConfig(io.keras4j.saving.Config c, String key, int rank, int fallback) {
    Object v = c.get(key);
    if (v == null) {
      return of(key, rank, fallback);
    }
    if (v instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof java.util.List<?>) {
      int[][] p = new int[l.size()][];
      for (int i = 0; i < p.length; i++) {
        java.util.List<?> pair = (java.util.List<?>) l.get(i);
        p[i] = new int[] {((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).intValue()};
      }
      return check(key, p);
    }
    return of(key, rank, c.ints(key, null));
  }
}
