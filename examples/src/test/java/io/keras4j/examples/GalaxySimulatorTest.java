package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GalaxySimulatorTest {
  @Test
  void sersicLawByHand() {
    // b_4 = 8 - 1/3 + 4/1620 + 46/408240 = 7.66925, de Vaucouleurs' 7.669
    assertEquals(7.66925, GalaxyProfiles.sersicB(4), 1e-5);
    assertEquals(1, GalaxyProfiles.sersic(3, 3, 4), 1e-12, "1 at the effective radius");
    // n = 1 at twice the effective radius: exp(-b_1)
    assertEquals(Math.exp(-GalaxyProfiles.sersicB(1)), GalaxyProfiles.sersic(4, 2, 1), 1e-12);
    assertEquals(Math.exp(-2), GalaxyProfiles.exponentialDisc(6, 3), 1e-12);
  }

  @Test
  void sersicBEnclosesHalfTheLight() {
    // the light of an n = 1 profile inside r is proportional to 1 - (1 + b x) exp(-b x), x = r / re;
    // at x = 1 it is half of the total (1)
    double b = GalaxyProfiles.sersicB(1);
    assertEquals(0.5, 1 - (1 + b) * Math.exp(-b), 1e-3);
  }

  @Test
  void spiralArmsAlternateAroundTheCentre() {
    // at r = 1, ln r = 0: the modulation is 1 + a cos(m theta)
    assertEquals(1.5, GalaxyProfiles.spiralArms(1, 0, 2, 0.3, 0.5), 1e-12);
    assertEquals(0.5, GalaxyProfiles.spiralArms(1, Math.PI / 2, 2, 0.3, 0.5), 1e-12);
  }

  @Test
  void psfKernelIsNormalisedAndConservesFlux() {
    double[] k = GalaxyProfiles.gaussianKernel(1.0);
    assertEquals(7, k.length);
    double sum = 0;
    for (double v : k) {
      sum += v;
    }
    assertEquals(1, sum, 1e-12);
    assertEquals(Math.exp(-0.5) * k[3], k[2], 1e-12);
    double[][] img = new double[11][11];
    img[5][5] = 1;
    double[][] blurred = GalaxyProfiles.convolve(img, k);
    double total = 0;
    for (double[] row : blurred) {
      for (double v : row) {
        total += v;
      }
    }
    assertEquals(1, total, 1e-12, "a point far from the edges keeps its flux");
    assertEquals(k[3] * k[3], blurred[5][5], 1e-12);
    assertEquals(k[2] * k[4], blurred[4][6], 1e-12);
  }

  @Test
  void imagesAreSeededBalancedAndInTheUnitRange() {
    GalaxySimulator sim = new GalaxySimulator(28);
    GalaxySimulator.Sample a = sim.sample(40, new Random(5));
    GalaxySimulator.Sample b = sim.sample(40, new Random(5));
    assertArrayEquals(a.x().toFloatArray(), b.x().toFloatArray(), "the same seed gives the same images");
    assertArrayEquals(new long[] {40, 28, 28, 1}, a.x().shape());
    int[] counts = new int[4];
    for (int label : a.labels()) {
      counts[label]++;
    }
    assertArrayEquals(new int[] {10, 10, 10, 10}, counts);
    for (float v : a.x().toFloatArray()) {
      assertTrue(v >= 0 && v <= 1, "pixel " + v);
    }
  }

  @Test
  void edgeOnDiscsAreElongatedAndEllipticalsRound() {
    GalaxySimulator sim = new GalaxySimulator(32).noise(0).psfSigma(0.5);
    Random r = new Random(9);
    for (int i = 0; i < 10; i++) {
      double edgeOn = axisRatio(sim.galaxy(2, r).image());
      double elliptical = axisRatio(sim.galaxy(0, r).image());
      assertTrue(edgeOn < 0.45, "edge-on second-moment axis ratio " + edgeOn);
      assertTrue(elliptical > 0.5, "elliptical axis ratio " + elliptical);
    }
  }

  @Test
  void noiseHasTheStandardDeviationAsked() {
    GalaxySimulator noisy = new GalaxySimulator(28).noise(0.05);
    GalaxySimulator clean = new GalaxySimulator(28).noise(0);
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int i = 0; i < 20; i++) {
      float[][] a = noisy.galaxy(1, new Random(i)).image();
      float[][] b = clean.galaxy(1, new Random(i)).image();
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          if (b[y][x] > 0.3 && b[y][x] < 0.6) { // away from the clipping at 0 and 1
            double d = a[y][x] - b[y][x];
            sum += d;
            sq += d * d;
            n++;
          }
        }
      }
    }
    assertTrue(n > 100, "pixels " + n);
    assertEquals(0, sum / n, 0.01);
    assertEquals(0.05, Math.sqrt(sq / n), 0.01);
  }

  @Test
  void badArgumentsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> new GalaxySimulator(8));
    assertTrue(e.getMessage().contains("Received: size=8"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GalaxySimulator(28).noise(-1));
    assertThrows(IllegalArgumentException.class, () -> new GalaxySimulator(28).galaxy(4, new Random(1)));
  }

  /** Minor over major axis from the image's second moments (sqrt of the eigenvalue ratio). */
  static double axisRatio(float[][] img) {
    double sum = 0;
    double mx = 0;
    double my = 0;
    for (int y = 0; y < img.length; y++) {
      for (int x = 0; x < img.length; x++) {
        sum += img[y][x];
        mx += x * img[y][x];
        my += y * img[y][x];
      }
    }
    mx /= sum;
    my /= sum;
    double xx = 0;
    double yy = 0;
    double xy = 0;
    for (int y = 0; y < img.length; y++) {
      for (int x = 0; x < img.length; x++) {
        xx += (x - mx) * (x - mx) * img[y][x] / sum;
        yy += (y - my) * (y - my) * img[y][x] / sum;
        xy += (x - mx) * (y - my) * img[y][x] / sum;
      }
    }
    double mid = (xx + yy) / 2;
    double half = Math.sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
    return Math.sqrt((mid - half) / (mid + half));
  }
}
