package io.keras4j.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UtilsTest {
  @Test
  void projectionClipsForInfAndScalesForL2AndL1() {
    assertArrayEquals(new float[] {0.5f, -0.5f, 0.2f}, Utils.projection(new float[] {2, -1, 0.2f}, 3, 0.5,
        Double.POSITIVE_INFINITY), 1e-7f);
    // (3, 4) has L2 norm 5: scaled to norm 1; L1 norm 7: scaled to norm 1
    assertArrayEquals(new float[] {0.6f, 0.8f}, Utils.projection(new float[] {3, 4}, 2, 1, 2), 1e-6f);
    assertArrayEquals(new float[] {3f / 7, 4f / 7}, Utils.projection(new float[] {3, 4}, 2, 1, 1), 1e-6f);
    // inside the ball: unchanged
    assertArrayEquals(new float[] {0.1f, 0.1f}, Utils.projection(new float[] {0.1f, 0.1f}, 2, 1, 2), 1e-6f);
  }

  @Test
  void randomSphereDrawsInsideTheBallAndFillsIt() {
    for (double norm : new double[] {1, 2, Double.POSITIVE_INFINITY}) {
      float[] p = Utils.randomSphere(2000, 5, 0.3, norm, new Random(1));
      double outerShell = 0;
      for (int i = 0; i < 2000; i++) {
        double r = Utils.norm(p, i, 5, norm);
        assertTrue(r <= 0.3 + 1e-6, "norm " + norm + ": radius " + r);
        outerShell += r > 0.3 * Math.pow(0.5, 1.0 / 5) ? 1 : 0;
      }
      // uniform in a 5-d ball: half the volume lies beyond radius 0.5^(1/5) of the whole (for each norm's ball)
      assertEquals(0.5, outerShell / 2000, 0.05, "norm " + norm);
    }
  }

  @Test
  void labelsAndNorms() {
    assertArrayEquals(new float[][] {{0, 1, 0}, {1, 0, 0}}, Utils.toCategorical(new int[] {1, 0}, 3));
    assertArrayEquals(new int[] {2, 0}, Utils.argmax(new float[][] {{0.1f, 0.2f, 0.7f}, {0.5f, 0.5f, 0}}));
    assertEquals(Double.POSITIVE_INFINITY, Utils.parseNorm("inf", "FGM"));
    var e = assertThrows(IllegalArgumentException.class, () -> Utils.parseNorm("3", "FGM"));
    assertTrue(e.getMessage().contains("norm=3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(new int[] {3}, 3));
  }
}
