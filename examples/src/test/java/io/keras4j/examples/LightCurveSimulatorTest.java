package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The light-curve simulator's physics and survey model, checked against values worked out by hand. */
class LightCurveSimulatorTest {
  @Test
  void sameSeedSameLightCurves() {
    List<LightCurve> a = new LightCurveSimulator(5).drawEach(3);
    List<LightCurve> b = new LightCurveSimulator(5).drawEach(3);
    List<LightCurve> c = new LightCurveSimulator(6).drawEach(3);
    assertEquals(21, a.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).label(), b.get(i).label());
      assertArrayEquals(a.get(i).t(), b.get(i).t());
      assertArrayEquals(a.get(i).mag(), b.get(i).mag());
      assertArrayEquals(a.get(i).err(), b.get(i).err());
    }
    assertNotEquals(Arrays.toString(a.get(0).mag()), Arrays.toString(c.get(0).mag()));
  }

  @Test
  void dampedRandomWalkVarianceAndCorrelation() {
    // stationary OU: Var x = sigma^2; Cov(x(t), x(t + tau)) = sigma^2 / e; Var(x(t+dt) - x(t)) = 2 sigma^2 (1 - e^-dt/tau)
    double tau = 100;
    double sigma = 0.2;
    double[] t = new double[301];
    for (int i = 0; i < t.length; i++) {
      t[i] = 10.0 * i;
    }
    Random r = new Random(11);
    int n = 20000;
    double var = 0;
    double cov = 0;
    double sf = 0;
    for (int k = 0; k < n; k++) {
      double[] x = LightCurveTemplates.drw(t, tau, sigma, r);
      var += x[300] * x[300];
      cov += x[290] * x[300];
      sf += (x[300] - x[299]) * (x[300] - x[299]);
    }
    // standard errors with 20000 draws: about 1% of sigma^2 for the variance
    assertEquals(sigma * sigma, var / n, 0.04 * sigma * sigma);
    assertEquals(sigma * sigma / Math.E, cov / n, 0.04 * sigma * sigma);
    assertEquals(2 * sigma * sigma * (1 - Math.exp(-0.1)), sf / n, 0.04 * 2 * sigma * sigma * (1 - Math.exp(-0.1)));
  }

  @Test
  void bazinPeakIsWhereTheFluxIsHighest() {
    double t0 = 10;
    double trise = 2;
    double tfall = 25;
    double best = 0;
    double bestF = -1;
    for (double t = -20; t < 60; t += 0.001) {
      double f = LightCurveTemplates.bazin(t, t0, trise, tfall);
      if (f > bestF) {
        bestF = f;
        best = t;
      }
    }
    // t0 + trise ln(tfall / trise - 1) = 10 + 2 ln 11.5 = 14.885
    assertEquals(14.885, LightCurveTemplates.bazinPeak(t0, trise, tfall), 1e-3);
    assertEquals(14.885, best, 2e-3);
  }

  @Test
  void supernovaePeakRiseAndDeclineByClass() {
    Random r = new Random(3);
    double[] t = new double[2001];
    int[] rBand = new int[t.length];
    int[] gBand = new int[t.length];
    Arrays.fill(gBand, LightCurve.G);
    Arrays.fill(rBand, LightCurve.R);
    for (int i = 0; i < t.length; i++) {
      t[i] = i * 0.1;
    }
    for (int cls = 0; cls < 3; cls++) {
      for (int k = 0; k < 30; k++) {
        LightCurveTemplates.Template sn = LightCurveTemplates.supernova(cls, 50, r);
        double[] m = sn.mags(t, rBand, r);
        double[] g = sn.mags(t, gBand, r);
        int peak = 0;
        for (int i = 1; i < m.length; i++) {
          peak = m[i] < m[peak] ? i : peak;
        }
        assertEquals(50, t[peak], 0.15, "class " + cls + ": r-band peak");
        assertTrue(m[peak] >= 16.5 && m[peak] <= 20.0, "peak magnitude " + m[peak]);
        // 10 days before peak (20 for SN II, whose rise flattens into the plateau)
        double rise = m[cls == 2 ? 300 : 400] - m[peak];
        double decline30 = m[800] - m[peak];  // 30 days after peak
        double colourChange = (g[800] - m[800]) - (g[peak] - m[peak]);
        assertTrue(rise > 0.3, "class " + cls + ": fainter before peak, by " + rise);
        if (cls == 2) {
          assertTrue(decline30 < 0.5, "SN II plateau: decline after 30 days " + decline30);
          assertTrue(colourChange > 0.2 && colourChange < 0.7, "SN II g-r change " + colourChange);
        } else {
          assertTrue(decline30 > 0.8, "SN " + (cls == 0 ? "Ia" : "Ibc") + " decline after 30 days " + decline30);
          assertTrue(colourChange > 0.7, "g-r reddens after peak by " + colourChange);
        }
      }
    }
  }

  @Test
  void periodsRecoveredByTheLombScarglePeriodogram() {
    Random r = new Random(8);
    int found = 0;
    int tries = 40;
    for (int k = 0; k < tries; k++) {
      boolean cepheid = k % 2 == 0;
      LightCurveTemplates.Periodic star = (LightCurveTemplates.Periodic) LightCurveTemplates.pulsator(cepheid, r);
      LightCurveSimulator.Visits v = LightCurveSimulator.visits(0, 300, 200, r);
      LightCurve lc = LightCurveSimulator.observe("p", "x", v, star.mags(v.t(), v.band(), r), r);
      double[] y = lc.mag().clone();
      double[] gMedian = {LightCurveEncoding.median(pick(lc, LightCurve.G)), LightCurveEncoding.median(pick(lc,
          LightCurve.R))};
      for (int i = 0; i < y.length; i++) {
        y[i] -= gMedian[lc.band()[i]];
      }
      double f = LightCurveFeatures.lombScargle(lc.t(), y)[0];
      // one visit a night: the true frequency or a one-day alias of it
      double f0 = 1 / star.period();
      boolean ok = false;
      for (int alias = -3; alias <= 3; alias++) {
        ok |= Math.abs(f - Math.abs(f0 + alias)) < 3 * LightCurveFeatures.DF;
      }
      found += ok ? 1 : 0;
    }
    assertTrue(found >= 0.9 * tries, "periods recovered: " + found + " of " + tries);
  }

  @Test
  void eclipsesAtPhaseZeroAndHalf() {
    assertEquals(1.0, LightCurveTemplates.eclipse(0.0, 0, 0.05), 1e-12);
    assertEquals(1.0, LightCurveTemplates.eclipse(0.5, 0.5, 0.05), 1e-12);
    assertEquals(Math.sqrt(0.75), LightCurveTemplates.eclipse(0.975, 0, 0.05), 1e-9);  // 0.025 from centre
    assertEquals(0.0, LightCurveTemplates.eclipse(0.25, 0, 0.05), 0);
    assertEquals(1.0, LightCurveTemplates.sawtooth(0.0, 0.2), 1e-12);
    assertEquals(0.0, LightCurveTemplates.sawtooth(0.2, 0.2), 1e-12);
    assertEquals(0.5, LightCurveTemplates.sawtooth(1.6, 0.2), 1e-12);
  }

  @Test
  void errorsGrowTowardTheLimit() {
    // at the limit: sky 1/5, source 0.1/5 and floor 0.04 of the flux in quadrature
    assertEquals(1.0857 * Math.sqrt(0.04 + 0.02 + 0.0016), LightCurveSimulator.magError(20.5, 20.5), 1e-9);
    // 2.5 mag brighter (10 times the flux): sqrt(0.04 / 100 + 0.02 / 10 + 0.0016)
    assertEquals(1.0857 * Math.sqrt(0.0004 + 0.002 + 0.0016), LightCurveSimulator.magError(18, 20.5), 1e-9);
    assertEquals(1.0857 * 0.04, LightCurveSimulator.magError(10, 20.5), 1e-3);
    double previous = 0;
    for (double m = 14; m <= 21; m += 0.5) {
      double e = LightCurveSimulator.magError(m, 20.5);
      assertTrue(e > previous, "error at " + m);
      previous = e;
    }
  }

  @Test
  void cadenceOneBandANightSeasonalGapsAndThreeDayRevisits() {
    Random r = new Random(21);
    LightCurveSimulator.Visits v = LightCurveSimulator.visits(0, 3 * 365, 100, r);
    Set<Long> nights = new HashSet<>();
    for (double t : v.t()) {
      assertTrue(nights.add((long) Math.floor(t)), "two visits on night " + Math.floor(t));
      double day = ((Math.floor(t) - 100) % 365 + 365) % 365;
      assertTrue(day < LightCurveSimulator.SEASON_DAYS, "visit outside the season, day " + day);
    }
    List<Double> gaps = new ArrayList<>();
    double maxGap = 0;
    for (int b = 0; b < 2; b++) {
      double last = Double.NaN;
      for (int i = 0; i < v.t().length; i++) {
        if (v.band()[i] == b) {
          if (!Double.isNaN(last)) {
            gaps.add(v.t()[i] - last);
            maxGap = Math.max(maxGap, v.t()[i] - last);
          }
          last = v.t()[i];
        }
      }
    }
    double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = g[g.length / 2];
    assertTrue(median >= 2 && median <= 4.5, "median revisit in one band " + median + " days");
    assertTrue(maxGap > 120, "seasonal gap " + maxGap);
    for (double lim : v.limit()) {
      assertTrue(lim >= 19.3 && lim <= 21.0);
    }
  }

  @Test
  void detectionsVaryInNumberAndAreAtLeastFiveSigma() {
    List<LightCurve> all = new LightCurveSimulator(2).drawEach(30);
    int min = Integer.MAX_VALUE;
    int max = 0;
    List<Double> faint = new ArrayList<>();
    List<Double> bright = new ArrayList<>();
    for (LightCurve lc : all) {
      min = Math.min(min, lc.size());
      max = Math.max(max, lc.size());
      for (int i = 0; i < lc.size(); i++) {
        assertTrue(lc.err()[i] <= 1.0857 / 5 + 1e-9, "a detection has SNR >= 5");
        (lc.mag()[i] > 20 ? faint : lc.mag()[i] < 17.5 ? bright : new ArrayList<Double>()).add(lc.err()[i]);
      }
    }
    assertTrue(min >= LightCurveSimulator.MIN_DETECTIONS);
    assertTrue(max > 5 * min, "detections per light curve from " + min + " to " + max);
    double f = faint.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double b = bright.stream().mapToDouble(Double::doubleValue).average().orElse(1);
    assertTrue(f > 2 * b, "mean error fainter than 20: " + f + ", brighter than 17.5: " + b);
  }

  private static double[] pick(LightCurve lc, int band) {
    return Arrays.stream(lc.indices(band)).mapToDouble(i -> lc.mag()[i]).toArray();
  }
}
