package io.keras4j.examples;

import java.util.Arrays;

/**
 * One object's detections in two bands, in time order: epochs (days, MJD-like), band ({@link #G} or {@link #R}),
 * magnitude and its 1-sigma error; {@code label} names the class (one of {@link LightCurveSimulator#CLASSES}, or a
 * catalogue's own label for real objects).
 */
public record LightCurve(String id, String label, double[] t, int[] band, double[] mag, double[] err) {
  /** ZTF g band (ZTF's fid 1). */
  public static final int G = 0;
  /** ZTF r band (ZTF's fid 2). */
  public static final int R = 1;

  public LightCurve {
    if (t.length != band.length || t.length != mag.length || t.length != err.length) {
      throw new IllegalArgumentException("Light curve " + id + ": t, band, mag and err differ in length: " + t.length
          + ", " + band.length + ", " + mag.length + ", " + err.length);
    }
    for (int i = 1; i < t.length; i++) {
      if (t[i] < t[i - 1]) {
        throw new IllegalArgumentException("Light curve " + id + ": epochs must be sorted; t[" + i + "]=" + t[i]
            + " < t[" + (i - 1) + "]=" + t[i - 1]);
      }
    }
  }

  /** The number of detections. */
  public int size() {
    return t.length;
  }

  /** The first {@code n} detections (all of them when there are fewer). */
  public LightCurve first(int n) {
    if (n >= t.length) {
      return this;
    }
    return new LightCurve(id, label, Arrays.copyOf(t, n), Arrays.copyOf(band, n), Arrays.copyOf(mag, n),
        Arrays.copyOf(err, n));
  }

  /** The detections in band {@code b}: the indices into the arrays. */
  public int[] indices(int b) {
    return java.util.stream.IntStream.range(0, t.length).filter(i -> band[i] == b).toArray();
  }

  /** A copy sorted by time (stable), for data read out of order. */
  public static LightCurve sorted(String id, String label, double[] t, int[] band, double[] mag, double[] err) {
    Integer[] order = new Integer[t.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
    double[] t2 = new double[t.length];
    int[] b2 = new int[t.length];
    double[] m2 = new double[t.length];
    double[] e2 = new double[t.length];
    for (int i = 0; i < order.length; i++) {
      t2[i] = t[order[i]];
      b2[i] = band[order[i]];
      m2[i] = mag[order[i]];
      e2[i] = err[order[i]];
    }
    return new LightCurve(id, label, t2, b2, m2, e2);
  }
}
