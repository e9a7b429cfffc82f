package io.keras4j.data;

import io.keras4j.backend.Backend;
import java.util.Random;

/**
 * Shuffled index splits into training, validation and test parts.
 *
 * <p>Porting note: the course uses scikit-learn's {@code train_test_split}; {@link #indices} gives the same kind
 * of shuffled, seeded partition, and {@link #rows} selects rows of any array.
 * <pre>{@code int[][] parts = Split.indices(n, 0.75, 0.0, 42L); float[][] xTrain = Split.rows(x, parts[0]);}</pre>
 */
public final class Split {
  private Split() {}

  /**
   * Shuffled indices split into {train, validation, test}: fractions {@code train} and {@code validation} of
   * {@code n}, the rest test.
   */
  public static int[][] indices(int n, double train, double validation, Long seed) {
    if (train <= 0 || validation < 0 || train + validation > 1) {
      throw new IllegalArgumentException("Fractions must satisfy 0 < train, 0 <= validation, train + validation <= 1. "
          + "Received: train=" + train + ", validation=" + validation);
    }
    int[] p = shuffled(n, Backend.random(seed));
    int a = (int) Math.round(n * train);
    int b = a + (int) Math.round(n * validation);
    return new int[][] {java.util.Arrays.copyOfRange(p, 0, a), java.util.Arrays.copyOfRange(p, a, b),
        java.util.Arrays.copyOfRange(p, b, n)};
  }

  /** 0..n-1 in order. */
  public static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /** A random permutation of 0..n-1 (Fisher-Yates). */
  public static int[] shuffled(int n, Random random) {
    int[] p = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The rows at {@code idx}. */
  public static float[][] rows(float[][] x, int[] idx) {
    float[][] out = new float[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /** The elements at {@code idx}. */
  public static float[] rows(float[] x, int[] idx) {
    float[] out = new float[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /** The elements at {@code idx}. */
  public static int[] rows(int[] x, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }
}
