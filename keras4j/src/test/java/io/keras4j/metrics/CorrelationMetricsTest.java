package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.Shape;
import org.junit.jupiter.api.Test;

/** PearsonCorrelation and ConcordanceCorrelation against the formulas worked in plain Java on Keras' example. */
class CorrelationMetricsTest {
  private static final double[][] T = {{0, 1, 0.5}, {1, 1, 0.2}};
  private static final double[][] P = {{0.1, 0.9, 0.5}, {1, 0.9, 0.2}};

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double var(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / x.length;
  }

  private static double pearson(double[] t, double[] p) {
    double mt = mean(t);
    double mp = mean(p);
    double s = 0;
    for (int i = 0; i < t.length; i++) {
      s += (t[i] - mt) * (p[i] - mp);
    }
    return s / t.length / Math.sqrt(var(t) * var(p));
  }

  /** Keras 3.15.1's formula, with y_true centred on y_pred's mean in the covariance. */
  private static double concordance(double[] t, double[] p) {
    double mt = mean(t);
    double mp = mean(p);
    double norm = var(t) + var(p) + (mt - mp) * (mt - mp);
    double s = 0;
    for (int i = 0; i < t.length; i++) {
      s += 2 * (t[i] - mp) * (p[i] - mp) / (norm + 1e-7);
    }
    return s / t.length;
  }

  private static float[] flat(double[][] x) {
    float[] out = new float[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (float) x[i / 3][i % 3];
    }
    return out;
  }

  @Test
  void pearsonAlongTheLastAxis() {
    float r = new MetricRun(new PearsonCorrelation(), Shape.of(2, 3)).batch(flat(T), flat(P)).result()[0];
    assertEquals((pearson(T[0], P[0]) + pearson(T[1], P[1])) / 2, r, 1e-5);
    assertEquals(0.9966996, r, 1e-5); // Keras' docstring
  }

  @Test
  void concordanceAlongTheLastAxis() {
    float r = new MetricRun(new ConcordanceCorrelation(), Shape.of(2, 3)).batch(flat(T), flat(P)).result()[0];
    assertEquals((concordance(T[0], P[0]) + concordance(T[1], P[1])) / 2, r, 1e-5);
  }

  @Test
  void pearsonAlongTheBatchAxis() {
    float r = new MetricRun(new PearsonCorrelation().axis(0), Shape.of(2, 3)).batch(flat(T), flat(P)).result()[0];
    double expected = 0;
    for (int j = 0; j < 3; j++) {
      double[] t = {T[0][j], T[1][j]};
      double[] p = {P[0][j], P[1][j]};
      expected += pearson(t, p) / 3;
    }
    assertEquals(expected, r, 1e-5);
  }
}
