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

  static int[][] check(String name, int[][] p) {
    for (int[] a : p) {
      if (a.length != 2 || a[0] < 0 || a[1] < 0) {
        throw new IllegalArgumentException("`" + name + "` must be non-negative (before, after) pairs. Received: "
            + name + "=" + Arrays.deepToString(p));
      }
    }
    return p;
  }
}
