package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras' reading of the {@code factor}-like arguments of the image augmentation layers: one number or a pair,
 * bounded.
 *
 * <p>Keras equivalent: {@code BaseImagePreprocessingLayer._set_factor} (and the layers' {@code _set_factor_by_name}
 * copies): a pair is sorted and must overlap {@code [lo, hi]}; one number f must lie in {@code [lo, hi]} and means
 * {@code (max(-|f|, lo), |f|)}.
 */
final class KerasFactors {
  private KerasFactors() {}

  /** {@code f} (one number or a pair) read as Keras reads {@code name} with bounds {@code [lo, hi]}. */
  static double[] of(double[] f, double lo, double hi, String name) {
    String error = "The `" + name + "` argument should be a number (or a list of two numbers) in the range ["
        + num(lo) + ", " + num(hi) + "]. Received: " + name + "=";
    if (f.length == 2) {
      if (f[0] > hi || f[1] < lo) {
        throw new IllegalArgumentException(error + "(" + f[0] + ", " + f[1] + ")");
      }
      return new double[] {Math.min(f[0], f[1]), Math.max(f[0], f[1])};
    }
    if (f.length != 1) {
      throw new IllegalArgumentException(error + java.util.Arrays.toString(f));
    }
    if (f[0] < lo || f[0] > hi) {
      throw new IllegalArgumentException(error + f[0]);
    }
    double a = Math.abs(f[0]);
    return new double[] {Math.max(-a, lo), a};
  }

  /** The factor {@code key} of {@code c}, {@code fallback} (one number or a pair) when absent. */
  static double[] read(Config c, String key, double[] fallback, double lo, double hi) {
    double[] f = c.numbers(key, fallback);
    if (f == null) {
      throw new IllegalArgumentException(c.className() + " config lacks the required `" + key + "`. Received: "
          + c.asMap());
    }
    return of(f, lo, hi, key);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
