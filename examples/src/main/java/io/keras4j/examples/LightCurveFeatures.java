package io.keras4j.examples;

import java.util.Arrays;
import java.util.List;

/**
 * Hand-computed light-curve features for the MLP baseline, a small subset in the spirit of the ALeRCE light-curve
 * classifier's (Sánchez-Sáez et al. 2021): per band the amplitude, standard deviation, skewness, von Neumann ratio,
 * fraction beyond one sigma and median error; over both bands the number of detections, time span, g-r colour and
 * its change, the Lomb-Scargle period and peak power, and the rise and decline times and slopes around the
 * brightest detection. A band with fewer than two detections gives zeros for its features.
 */
public final class LightCurveFeatures {
  /** Feature names in column order. */
  public static final String[] NAMES = {"log_n", "log_span", "g_r", "g_r_change", "log_period", "ls_power",
      "log_rise", "log_decline", "rise_slope", "decline_slope", "g_amplitude", "g_std", "g_skew", "g_eta",
      "g_beyond1std", "g_err", "r_amplitude", "r_std", "r_skew", "r_eta", "r_beyond1std", "r_err"};
  /** The periodogram's frequencies (cycles per day): from this to {@link #MAX_FREQUENCY} in steps of DF. */
  public static final double MIN_FREQUENCY = 0.005;
  public static final double MAX_FREQUENCY = 3.0;
  public static final double DF = 0.0015;

  private LightCurveFeatures() {}

  /** The features of each light curve: shape (curves, {@link #NAMES}.length). */
  public static float[][] of(List<LightCurve> curves) {
    float[][] x = new float[curves.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = of(curves.get(i));
    }
    return x;
  }

  /** The features of one light curve. */
  public static float[] of(LightCurve lc) {
    double[] f = new double[NAMES.length];
    int[] g = lc.indices(LightCurve.G);
    int[] r = lc.indices(LightCurve.R);
    double[] t = lc.t();
    double[] m = lc.mag();
    f[0] = Math.log10(lc.size());
    f[1] = Math.log10(1 + t[t.length - 1] - t[0]);
    double colour = g.length > 0 && r.length > 0 ? median(m, g) - median(m, r) : 0;
    f[2] = colour;
    double tMid = 0.5 * (t[0] + t[t.length - 1]);
    f[3] = colourIn(lc, t[0], tMid + 1e-9, tMid, t[t.length - 1] + 1e-9);
    // one band on the other's scale: g shifted by the colour, then each band less its median
    double[] y = new double[m.length];
    double[] mr = m.clone();
    for (int i = 0; i < m.length; i++) {
      y[i] = m[i] - (lc.band()[i] == LightCurve.G ? median(m, g) : median(m, r));
      mr[i] = lc.band()[i] == LightCurve.G ? m[i] - colour : m[i];
    }
    double[] peak = lombScargle(t, y);
    f[4] = Math.log10(1 / peak[0]);
    f[5] = peak[1];
    int brightest = 0;
    for (int i = 1; i < mr.length; i++) {
      brightest = mr[i] < mr[brightest] ? i : brightest;
    }
    f[6] = Math.log10(1 + t[brightest] - t[0]);
    f[7] = Math.log10(1 + t[t.length - 1] - t[brightest]);
    f[8] = 10 * slope(t, mr, 0, brightest + 1);
    f[9] = 10 * slope(t, mr, brightest, t.length);
    bandFeatures(lc, g, f, 10);
    bandFeatures(lc, r, f, 16);
    float[] out = new float[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Double.isFinite(f[i]) ? (float) f[i] : 0f;
    }
    return out;
  }

  private static void bandFeatures(LightCurve lc, int[] idx, double[] f, int at) {
    if (idx.length < 2) {
      return;
    }
    double[] v = new double[idx.length];
    double[] e = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      v[i] = lc.mag()[idx[i]];
      e[i] = lc.err()[idx[i]];
    }
    double mean = Arrays.stream(v).average().orElse(0);
    double var = 0;
    double m3 = 0;
    double diff2 = 0;
    for (int i = 0; i < v.length; i++) {
      var += (v[i] - mean) * (v[i] - mean);
      m3 += Math.pow(v[i] - mean, 3);
      diff2 += i > 0 ? (v[i] - v[i - 1]) * (v[i] - v[i - 1]) : 0;
    }
    double std = Math.sqrt(var / (v.length - 1));
    double[] s = v.clone();
    Arrays.sort(s);
    f[at] = 0.5 * (s[(int) Math.floor(0.95 * (s.length - 1))] - s[(int) Math.ceil(0.05 * (s.length - 1))]);
    f[at + 1] = std;
    f[at + 2] = std > 0 ? m3 / v.length / Math.pow(var / v.length, 1.5) : 0;
    f[at + 3] = var > 0 ? Math.log10(diff2 / var) : 0;
    int beyond = 0;
    for (double x : v) {
      beyond += Math.abs(x - mean) > std ? 1 : 0;
    }
    f[at + 4] = (double) beyond / v.length;
    f[at + 5] = 5 * median(e, java.util.stream.IntStream.range(0, e.length).toArray());
  }

  /** Median colour g-r over [a1, a2) minus that over [b1, b2), or 0 when a band is missing in either. */
  private static double colourIn(LightCurve lc, double a1, double a2, double b1, double b2) {
    double early = colourBetween(lc, a1, a2);
    double late = colourBetween(lc, b1, b2);
    return Double.isNaN(early) || Double.isNaN(late) ? 0 : late - early;
  }

  private static double colourBetween(LightCurve lc, double from, double to) {
    int[] g = java.util.stream.IntStream.range(0, lc.size())
        .filter(i -> lc.band()[i] == LightCurve.G && lc.t()[i] >= from && lc.t()[i] < to).toArray();
    int[] r = java.util.stream.IntStream.range(0, lc.size())
        .filter(i -> lc.band()[i] == LightCurve.R && lc.t()[i] >= from && lc.t()[i] < to).toArray();
    return g.length == 0 || r.length == 0 ? Double.NaN : median(lc.mag(), g) - median(lc.mag(), r);
  }

  /** The least-squares slope of y against t over [from, to), or 0 with fewer than 2 points or no time span. */
  static double slope(double[] t, double[] y, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    double st = 0;
    double sy = 0;
    for (int i = from; i < to; i++) {
      st += t[i];
      sy += y[i];
    }
    double mt = st / n;
    double my = sy / n;
    double num = 0;
    double den = 0;
    for (int i = from; i < to; i++) {
      num += (t[i] - mt) * (y[i] - my);
      den += (t[i] - mt) * (t[i] - mt);
    }
    return den > 0 ? num / den : 0;
  }

  /**
   * The classical Lomb-Scargle periodogram (Scargle 1982, ApJ 263, 835) of y at t over the frequency grid
   * [{@link #MIN_FREQUENCY}, {@link #MAX_FREQUENCY}]: {frequency of the highest peak, its power normalised by
   * N/2 and the variance, so that it lies in [0, 1] for a pure sinusoid}. Sines and cosines are stepped by
   * rotation along the grid rather than recomputed.
   */
  public static double[] lombScargle(double[] t, double[] y) {
    int n = t.length;
    double mean = Arrays.stream(y).average().orElse(0);
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    var /= Math.max(1, n - 1);
    if (n < 3 || var == 0) {
      return new double[] {MIN_FREQUENCY, 0};
    }
    double[] c = new double[n];
    double[] s = new double[n];
    double[] cd = new double[n];
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      double w = 2 * Math.PI * (t[i] - t[0]);
      c[i] = Math.cos(w * MIN_FREQUENCY);
      s[i] = Math.sin(w * MIN_FREQUENCY);
      cd[i] = Math.cos(w * DF);
      sd[i] = Math.sin(w * DF);
    }
    double bestF = MIN_FREQUENCY;
    double bestP = 0;
    int steps = (int) Math.round((MAX_FREQUENCY - MIN_FREQUENCY) / DF);
    for (int k = 0; k <= steps; k++) {
      double s2 = 0;
      double c2 = 0;
      for (int i = 0; i < n; i++) {
        s2 += 2 * s[i] * c[i];
        c2 += c[i] * c[i] - s[i] * s[i];
      }
      double tau2 = Math.atan2(s2, c2);
      double ct = Math.cos(tau2 / 2);
      double st = Math.sin(tau2 / 2);
      double yc = 0;
      double ys = 0;
      double cc = 0;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double ci = c[i] * ct + s[i] * st;
        double si = s[i] * ct - c[i] * st;
        double yi = y[i] - mean;
        yc += yi * ci;
        ys += yi * si;
        cc += ci * ci;
        ss += si * si;
        double cn = c[i] * cd[i] - s[i] * sd[i];
        s[i] = s[i] * cd[i] + c[i] * sd[i];
        c[i] = cn;
      }
      double p = (cc > 0 ? yc * yc / cc : 0) + (ss > 0 ? ys * ys / ss : 0);
      if (p > bestP) {
        bestP = p;
        bestF = MIN_FREQUENCY + k * DF;
      }
    }
    return new double[] {bestF, bestP / (var * (n - 1))};
  }

  private static double median(double[] v, int[] idx) {
    double[] s = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      s[i] = v[idx[i]];
    }
    return LightCurveEncoding.median(s);
  }
}
