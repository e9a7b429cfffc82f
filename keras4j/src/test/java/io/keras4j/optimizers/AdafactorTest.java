package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adafactor's unfactored and factored updates against the rule in plain Java, its slots, and a fit. */
class AdafactorTest {
  static double rms(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s / x.length);
  }

  @Test
  void vectorsKeepAFullSecondMoment() {
    double lr = 0.1;
    double[] v = new double[3];
    OptimizerTest.check(OptimizerTest.reference((t, w) -> {
      double alpha = Math.max(1e-3, rms(w)) * Math.min(lr, 1 / Math.sqrt(t));
      double b = 1 - Math.pow(t, -0.8);
      double[] u = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        v[i] = b * v[i] + (1 - b) * (g * g + 1e-30);
        u[i] = g / Math.sqrt(v[i]);
      }
      double scale = Math.max(1, rms(u) / 1.0);
      for (int i = 0; i < w.length; i++) {
        w[i] -= alpha * u[i] / scale;
      }
    }), OptimizerTest.steps(new Adafactor(lr)));
  }

  @Test
  void matricesKeepRowAndColumnMeans() {
    double[] w = {1, 2, 3, 4};
    double[] g = {0.1, -0.2, 0.3, 0.4};
    double[] r = new double[2];
    double[] c = new double[2];
    double clip = 0.5;
    try (GradientSteps s = new GradientSteps(new Adafactor(0.1).clipThreshold(clip), Shape.of(2, 2),
        GradientSteps.floats(w))) {
      for (int t = 1; t <= 2; t++) {
        double alpha = Math.max(1e-3, rms(w)) * Math.min(0.1, 1 / Math.sqrt(t));
        double b = 1 - Math.pow(t, -0.8);
        double[] sq = new double[4];
        for (int i = 0; i < 4; i++) {
          sq[i] = g[i] * g[i] + 1e-30;
        }
        for (int i = 0; i < 2; i++) {
          r[i] = b * r[i] + (1 - b) * (sq[2 * i] + sq[2 * i + 1]) / 2;
          c[i] = b * c[i] + (1 - b) * (sq[i] + sq[2 + i]) / 2;
        }
        double rMean = (r[0] + r[1]) / 2;
        double[] u = new double[4];
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 2; j++) {
            u[2 * i + j] = g[2 * i + j] / Math.sqrt(r[i] / rMean * c[j]);
          }
        }
        double scale = Math.max(1, rms(u) / clip);
        for (int i = 0; i < 4; i++) {
          w[i] -= alpha * u[i] / scale;
        }
        float[] actual = s.step(GradientSteps.floats(g));
        assertArrayEquals(GradientSteps.floats(w), actual, 1e-5f, "step " + t);
      }
    }
  }

  @Test
  void slotsAreRowsColumnsThenVelocityNamedAsKeras() {
    Adafactor a = new Adafactor();
    Variable m = new Variable("kernel", Shape.of(2, 3), "float32", true, new float[6]);
    m.path("dense/kernel");
    Variable b = new Variable("bias", Shape.of(3), "float32", true, new float[3]);
    b.path("dense/bias");
    a.build(List.of(m, b));
    List<Variable> vars = a.variables();
    assertEquals(List.of("adafactor/iteration", "adafactor/learning_rate", "adafactor/kernel", "adafactor/kernel",
        "adafactor/dense_kernel_velocity", "adafactor/bias", "adafactor/bias", "adafactor/dense_bias_velocity"),
        vars.stream().map(Variable::path).toList());
    assertArrayEquals(new long[] {2}, vars.get(2).shape().dims());
    assertArrayEquals(new long[] {3}, vars.get(3).shape().dims());
    assertEquals("int64", vars.get(5).dtype());
  }

  @Test
  void configRoundTrips() {
    Adafactor back = Adafactor.fromConfig(new Adafactor(0.01).beta2Decay(-0.5).epsilon1(1e-20).epsilon2(1e-2)
        .clipThreshold(2).relativeStep(false).getConfig());
    assertEquals(-0.5, back.getConfig().get("beta_2_decay"));
    assertEquals(1e-20, back.getConfig().get("epsilon_1"));
    assertEquals(false, back.getConfig().get("relative_step"));
    assertTrue(Optimizers.get("adafactor") instanceof Adafactor);
  }

  @Test
  void fitLowersTheLoss() {
    GradientSteps.fitLossDecreases(new Adafactor(0.1));
  }
}
