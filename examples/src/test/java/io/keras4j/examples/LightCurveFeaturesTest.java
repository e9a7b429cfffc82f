package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed features against values worked out by hand. */
class LightCurveFeaturesTest {
  @Test
  void lombScargleFindsAnIrregularlySampledSinusoid() {
    Random r = new Random(4);
    double[] t = new double[80];
    double[] y = new double[80];
    double acc = 0;
    for (int i = 0; i < t.length; i++) {
      acc += 0.5 + 4 * r.nextDouble();
      t[i] = acc;
      y[i] = 0.3 * Math.sin(2 * Math.PI * t[i] / 7.3 + 1);
    }
    double[] p = LightCurveFeatures.lombScargle(t, y);
    assertEquals(1 / 7.3, p[0], LightCurveFeatures.DF);
    assertEquals(1.0, p[1], 0.05);
  }

  @Test
  void slopeAndBandStatistics() {
    double[] t = {0, 1, 2, 3};
    assertEquals(2.0, LightCurveFeatures.slope(t, new double[] {1, 3, 5, 7}, 0, 4), 1e-12);
    assertEquals(0.0, LightCurveFeatures.slope(t, new double[] {1, 3, 5, 7}, 2, 3), 0);
    // r band 10, 10, 10, 14: mean 11, sample std 2, population skewness (27 - 1 - 1 - 1) / 4 / 3^1.5 = 1.1547
    LightCurve lc = new LightCurve("x", "EB", new double[] {0, 1, 2, 3, 4}, new int[] {1, 1, 1, 1, 0},
        new double[] {10, 10, 10, 14, 10.5}, new double[] {0.1, 0.1, 0.1, 0.1, 0.1});
    float[] f = LightCurveFeatures.of(lc);
    int at = java.util.Arrays.asList(LightCurveFeatures.NAMES).indexOf("r_std");
    assertEquals(2.0, f[at], 1e-6);
    assertEquals(2 / Math.sqrt(3), f[at + 1], 1e-5);
    assertEquals(0.25, f[at + 3], 1e-6);  // one of four beyond one sigma
    assertEquals(0.5, f[java.util.Arrays.asList(LightCurveFeatures.NAMES).indexOf("g_r")], 1e-6);
    assertEquals(0f, f[java.util.Arrays.asList(LightCurveFeatures.NAMES).indexOf("g_std")]);  // one g point
    assertTrue(f[0] > 0.69 && f[0] < 0.7);  // log10(5)
  }
}
