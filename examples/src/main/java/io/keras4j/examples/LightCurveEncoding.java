package io.keras4j.examples;

import java.util.Arrays;
import java.util.List;

/**
 * Turns light curves into what the sequence model reads: one feature vector per detection, in time order, padded
 * with all-zero steps to a fixed length; a real step is never all zero (one of its band flags is 1), so
 * {@code Masking(mask_value=0)} recovers the mask.
 *
 * <p>Features of a detection: {@code log(1 + dt) / 3} with dt the days since the previous detection (0 for the
 * first), the days since the first detection / 100, the band as a one-hot pair (g, r), the magnitude minus the light
 * curve's median magnitude (both bands together, so the colour stays visible), and 5 times the magnitude error.
 * Light curves longer than the maximum length are cut to their first detections (see {@link LightCurve#first}).
 */
public final class LightCurveEncoding {
  /** Features per detection. */
  public static final int FEATURES = 6;

  private LightCurveEncoding() {}

  /** The sequences of {@code curves}: shape (curves, maxLength, {@link #FEATURES}). */
  public static float[][][] sequences(List<LightCurve> curves, int maxLength) {
    float[][][] x = new float[curves.size()][maxLength][FEATURES];
    for (int k = 0; k < curves.size(); k++) {
      LightCurve lc = curves.get(k).first(maxLength);
      double median = median(lc.mag());
      for (int i = 0; i < lc.size(); i++) {
        double dt = i == 0 ? 0 : lc.t()[i] - lc.t()[i - 1];
        float[] f = x[k][i];
        f[0] = (float) (Math.log1p(dt) / 3);
        f[1] = (float) ((lc.t()[i] - lc.t()[0]) / 100);
        f[2] = lc.band()[i] == LightCurve.G ? 1 : 0;
        f[3] = lc.band()[i] == LightCurve.R ? 1 : 0;
        f[4] = (float) (lc.mag()[i] - median);
        f[5] = (float) (5 * lc.err()[i]);
      }
    }
    return x;
  }

  /** 1 at real steps, 0 at padding: shape (curves, maxLength, 1), for models that take the mask as an input. */
  public static float[][][] mask(List<LightCurve> curves, int maxLength) {
    float[][][] m = new float[curves.size()][maxLength][1];
    for (int k = 0; k < curves.size(); k++) {
      for (int i = 0; i < Math.min(maxLength, curves.get(k).size()); i++) {
        m[k][i][0] = 1;
      }
    }
    return m;
  }

  /** The class indices of {@code curves} in {@code classes}; -1 for a label not among them. */
  public static int[] labels(List<LightCurve> curves, String[] classes) {
    List<String> names = Arrays.asList(classes);
    return curves.stream().mapToInt(c -> names.indexOf(c.label())).toArray();
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
