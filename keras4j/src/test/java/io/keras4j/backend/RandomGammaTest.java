package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Ops.randomGamma}: Gamma(alpha, 1) has mean alpha and variance alpha; draws are positive and seeded. */
class RandomGammaTest {
  static float[] draws(float alpha, long seed, int n) {
    return GraphFixture.eval(List.of(new float[] {alpha}), List.of(Shape.scalar()), in -> {
      Ops ops = Backend.ops();
      return List.of(ops.randomGamma(ops.constant(new int[] {n}, Shape.of(1)), in.get(0), seed));
    }).get(0);
  }

  @Test
  void meanAndVarianceAreAlpha() {
    int n = 20000;
    for (float alpha : new float[] {0.2f, 1f, 3f}) {
      float[] g = draws(alpha, 7, n);
      assertEquals(n, g.length);
      double mean = 0;
      for (float v : g) {
        assertTrue(v >= 0, "gamma draws are non-negative");
        mean += v;
      }
      mean /= n;
      double var = 0;
      for (float v : g) {
        var += (v - mean) * (v - mean);
      }
      var /= n - 1;
      // the mean's standard error is sqrt(alpha / n); allow 5 of them
      assertEquals(alpha, mean, 5 * Math.sqrt(alpha / n), "mean of Gamma(" + alpha + ")");
      assertEquals(alpha, var, 0.1 * alpha, "variance of Gamma(" + alpha + ")");
    }
  }

  @Test
  void seeded() {
    assertTrue(Arrays.equals(draws(0.5f, 3, 10), draws(0.5f, 3, 10)));
    assertTrue(!Arrays.equals(draws(0.5f, 3, 10), draws(0.5f, 4, 10)));
  }
}
