package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RootMeanSquaredError and R2Score against values worked out in plain Java: {@code R2 = 1 - SS_res / SS_tot} per
 * output with {@code SS_tot = sum(w (t - mean_w(t))^2)}.
 */
class RegressionMetricsTest {
  private static final Shape S42 = Shape.of(4, 2);
  private static final float[] T = {1, 2, 2, 4.5f, 3, 5, 4.5f, 3};
  private static final float[] P = {1.5f, 2, 1.8f, 4, 3.3f, 5.5f, 4, 2};
  private static final float[] W = {1, 2, 0.5f, 3};

  @Test
  void rmseIsTheRootOfTheMeanOverAllBatches() {
    Shape s = Shape.of(2, 1);
    // errors 1, 0 in the first batch (weights 1, 3), 2, -1 in the second (weights 0.5, 1)
    float[] r = new MetricRun(new RootMeanSquaredError(), s).weights(Shape.of(2))
        .batch(new float[] {1, 2}, new float[] {2, 2}, new float[] {1, 3})
        .batch(new float[] {3, 1}, new float[] {5, 0}, new float[] {0.5f, 1}).result();
    assertEquals(Math.sqrt((1 + 0 + 0.5 * 4 + 1) / 5.5), r[0], 1e-6);
    // y_true of shape (2) against y_pred (2, 1): ranks matched
    float[] plain = new MetricRun(new RootMeanSquaredError(), Shape.of(2), s)
        .batch(new float[] {1, 2}, new float[] {2, 4}).result();
    assertEquals(Math.sqrt(2.5), plain[0], 1e-6);
  }

  /** Per-output R2 of T and P with weights {@code w} (null: 1), and SS_tot in {@code tot}. */
  private static double[] r2(float[] w, double[] tot) {
    double[] out = new double[2];
    for (int j = 0; j < 2; j++) {
      double sw = 0;
      double swt = 0;
      for (int i = 0; i < 4; i++) {
        double wi = w == null ? 1 : w[i];
        sw += wi;
        swt += wi * T[2 * i + j];
      }
      double mean = swt / sw;
      double res = 0;
      double ss = 0;
      for (int i = 0; i < 4; i++) {
        double wi = w == null ? 1 : w[i];
        res += wi * Math.pow(T[2 * i + j] - P[2 * i + j], 2);
        ss += wi * Math.pow(T[2 * i + j] - mean, 2);
      }
      tot[j] = ss;
      out[j] = 1 - res / ss;
    }
    return out;
  }

  @Test
  void r2ScoreAggregations() {
    double[] tot = new double[2];
    double[] raw = r2(null, tot);
    assertEquals((raw[0] + raw[1]) / 2, new MetricRun(new R2Score(), S42).batch(T, P).result()[0], 1e-5);
    float[] perOutput = new MetricRun(new R2Score().classAggregation(null), S42).batch(T, P).result();
    assertArrayEquals(new float[] {(float) raw[0], (float) raw[1]}, perOutput, 1e-5f);
    double[] wtot = new double[2];
    double[] weighted = r2(W, wtot);
    float varianceWeighted = new MetricRun(new R2Score().classAggregation("variance_weighted_average"), S42)
        .weights(Shape.of(4)).batch(T, P, W).result()[0];
    assertEquals((wtot[0] * weighted[0] + wtot[1] * weighted[1]) / (wtot[0] + wtot[1]), varianceWeighted, 1e-5);
  }

  @Test
  void r2ScoreOverTwoBatchesEqualsOneBatch() {
    float[] once = new MetricRun(new R2Score(), S42).batch(T, P).result();
    Shape s22 = Shape.of(2, 2);
    float[] twice = new MetricRun(new R2Score(), s22)
        .batch(java.util.Arrays.copyOfRange(T, 0, 4), java.util.Arrays.copyOfRange(P, 0, 4))
        .batch(java.util.Arrays.copyOfRange(T, 4, 8), java.util.Arrays.copyOfRange(P, 4, 8)).result();
    assertEquals(once[0], twice[0], 1e-5);
  }

  @Test
  void adjustedR2CountsEveryValueAndFallsBackWithTooManyRegressors() {
    double[] tot = new double[2];
    double[] raw = r2(null, tot);
    double r2 = (raw[0] + raw[1]) / 2;
    // n = 8 values (4 samples x 2 outputs), p = 2
    double adjusted = 1 - (1 - r2) * 7 / 5;
    assertEquals(adjusted, new MetricRun(new R2Score().numRegressors(2), S42).batch(T, P).result()[0], 1e-5);
    // p = 7 = n - 1: plain R2
    assertEquals(r2, new MetricRun(new R2Score().numRegressors(7), S42).batch(T, P).result()[0], 1e-5);
  }

  @Test
  void r2OfAConstantOutputIsZero() {
    // second output constant: SS_tot 0 with a residual -> 0; first output perfect -> 1
    float[] t = {1, 2, 2, 2, 3, 2};
    float[] p = {1, 1, 2, 2, 3, 3};
    float[] r = new MetricRun(new R2Score().classAggregation(null), Shape.of(3, 2)).batch(t, p).result();
    assertArrayEquals(new float[] {1, 0}, r, 1e-6f);
  }

  @Test
  void r2ArgumentsAndConfig() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new R2Score().classAggregation("median"));
    assertTrue(e.getMessage().contains("class_aggregation=median"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new R2Score().numRegressors(-1));
    assertTrue(e.getMessage().contains("num_regressors=-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MetricRun(new R2Score(), Shape.of(4)).batch(new float[4], new float[4]).result());
    assertTrue(e.getMessage().contains("2D"), e.getMessage());
    Map<String, Object> c = new java.util.HashMap<>(new R2Score().classAggregation(null).numRegressors(3).getConfig());
    R2Score back = R2Score.fromConfig(c);
    assertNull(back.classAggregation());
    assertEquals(3, back.numRegressors());
    assertEquals("uniform_average", R2Score.fromConfig(Map.of()).classAggregation());
    assertThrows(IllegalStateException.class, () -> new R2Score().result());
  }
}
