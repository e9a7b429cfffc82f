package io.keras4j.examples;

import java.util.ArrayList;
import java.util.List;

/** Peak finding on maps and matching detections to true sources. */
public final class Catalogue {
  private Catalogue() {}

  /** A detection: pixel position. */
  public record Detection(double x, double y) {}

  /** Local maxima (3x3) above {@code threshold}, refined to the 3x3 intensity-weighted centroid. */
  public static List<Detection> peaks(float[][] map, float threshold) {
    int h = map.length;
    int w = map[0].length;
    List<Detection> out = new ArrayList<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = map[y][x];
        if (v <= threshold || !isPeak(map, x, y)) {
          continue;
        }
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int yy = y + dy;
            int xx = x + dx;
            if (yy >= 0 && yy < h && xx >= 0 && xx < w && map[yy][xx] > 0) {
              sx += map[yy][xx] * xx;
              sy += map[yy][xx] * yy;
              s += map[yy][xx];
            }
          }
        }
        out.add(new Detection(sx / s, sy / s));
      }
    }
    return out;
  }

  private static boolean isPeak(float[][] m, int x, int y) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int yy = y + dy;
        int xx = x + dx;
        if ((dx != 0 || dy != 0) && yy >= 0 && yy < m.length && xx >= 0 && xx < m[0].length) {
          // ties go to the first pixel in raster order
          if (m[yy][xx] > m[y][x] || (m[yy][xx] == m[y][x] && (dy < 0 || (dy == 0 && dx < 0)))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Completeness per flux bin and purity, accumulated over frames; a match is within 1.5 pixels. */
  public static final class Score {
    private final double[] bins;
    private final long[] found;
    private final long[] total;
    private long detections;
    private long trueDetections;

    public Score(double[] bins) {
      this.bins = bins;
      this.found = new long[bins.length - 1];
      this.total = new long[bins.length - 1];
    }

    /** Matches {@code dets} to {@code truth} one to one, brightest source first. */
    public void add(List<SkySimulator.Source> truth, List<Detection> dets) {
      List<SkySimulator.Source> sorted = new ArrayList<>(truth);
      sorted.sort((a, b) -> Double.compare(b.flux(), a.flux()));
      boolean[] used = new boolean[dets.size()];
      for (SkySimulator.Source s : sorted) {
        int bin = bin(s.flux());
        int best = -1;
        double bestD = 1.5 * 1.5;
        for (int i = 0; i < dets.size(); i++) {
          double d = Math.pow(dets.get(i).x() - s.x(), 2) + Math.pow(dets.get(i).y() - s.y(), 2);
          if (!used[i] && d <= bestD) {
            bestD = d;
            best = i;
          }
        }
        if (bin >= 0) {
          total[bin]++;
        }
        if (best >= 0) {
          used[best] = true;
          trueDetections++;
          if (bin >= 0) {
            found[bin]++;
          }
        }
      }
      detections += dets.size();
    }

    private int bin(double flux) {
      for (int i = 0; i < bins.length - 1; i++) {
        if (flux >= bins[i] && flux < bins[i + 1]) {
          return i;
        }
      }
      return -1;
    }

    public double[] completeness() {
      double[] c = new double[found.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = total[i] == 0 ? 0 : (double) found[i] / total[i];
      }
      return c;
    }

    public double purity() {
      return detections == 0 ? 1 : (double) trueDetections / detections;
    }

    /** Completeness over all fluxes. */
    public double overallCompleteness() {
      long f = 0;
      long t = 0;
      for (int i = 0; i < found.length; i++) {
        f += found[i];
        t += total[i];
      }
      return t == 0 ? 0 : (double) f / t;
    }
  }
}
