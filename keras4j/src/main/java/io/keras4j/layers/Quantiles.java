package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/discretization.py: summarize, merge_summaries, compress_summary,
// get_bin_boundaries, with NumPy's float32/float64 steps.

import java.util.Arrays;

/** Keras' approximate quantiles of {@code Discretization.adapt}: a weighted summary compressed to bins. */
final class Quantiles {
  private Quantiles() {}

  /** The {@code numBins - 1} boundaries Keras' adapt finds for {@code values} with tolerance {@code epsilon}. */
  static double[] binBoundaries(float[] values, double epsilon, int numBins) {
    float[][] summary = compress(summarize(values, epsilon), epsilon);
    float[][] bins = compress(summary, 1.0 / numBins);
    double[] out = new double[Math.max(0, bins[0].length - 1)];
    for (int i = 0; i < out.length; i++) {
      out[i] = bins[0][i];
    }
    return out;
  }

  /** Every {@code step}-th sorted value with weight {@code step}, {@code step = max(n * epsilon, 1)}. */
  static float[][] summarize(float[] values, double epsilon) {
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double increment = sorted.length / (1.0 / epsilon);
    double step = Math.max(increment, 1);
    int start = (int) (step - 1);
    int stride = (int) step;
    int m = sorted.length <= start ? 0 : (sorted.length - start + stride - 1) / stride;
    float[][] s = new float[2][m];
    for (int i = 0; i < m; i++) {
      s[0][i] = sorted[start + i * stride];
      s[1][i] = (float) step;
    }
    return s;
  }

  /** Keras' compress_summary: the summary interpolated at cumulative-weight fractions {@code epsilon, 2 epsilon...}. */
  static float[][] compress(float[][] summary, double epsilon) {
    int m = summary[0].length;
    if (m * epsilon < 1) {
      return summary;
    }
    int n = (int) Math.ceil(1.0 / epsilon);
    double[] percents = new double[n];
    for (int i = 0; i < n; i++) {
      percents[i] = epsilon + (0.0 + i * epsilon);
    }
    float[] cum = new float[m];
    float acc = 0;
    for (int i = 0; i < m; i++) {
      acc += summary[1][i];
      cum[i] = acc;
    }
    double[] xp = new double[m];
    double[] values = new double[m];
    double[] cumD = new double[m];
    for (int i = 0; i < m; i++) {
      xp[i] = cum[i] / cum[m - 1];
      values[i] = summary[0][i];
      cumD[i] = cum[i];
    }
    float[][] out = new float[2][n];
    double previous = 0;
    for (int i = 0; i < n; i++) {
      out[0][i] = (float) interp(percents[i], xp, values);
      double c = interp(percents[i], xp, cumD);
      out[1][i] = (float) (c - previous);
      previous = c;
    }
    return out;
  }

  /** NumPy's {@code interp}: piecewise linear, clamped to the end values. */
  static double interp(double x, double[] xp, double[] fp) {
    int last = xp.length - 1;
    if (x > xp[last]) {
      return fp[last];
    }
    if (x < xp[0]) {
      return fp[0];
    }
    int j = 0;
    int hi = last;
    while (j < hi) { // largest j with xp[j] <= x
      int mid = (j + hi + 1) >>> 1;
      if (xp[mid] <= x) {
        j = mid;
      } else {
        hi = mid - 1;
      }
    }
    if (j == last || xp[j] == x) {
      return fp[j];
    }
    double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    return slope * (x - xp[j]) + fp[j];
  }
}
