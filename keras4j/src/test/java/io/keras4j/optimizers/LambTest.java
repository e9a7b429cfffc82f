package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import org.junit.jupiter.api.Test;

/** Lamb's update against the rule in plain Java, the trust ratio's special cases, and a fit. */
class LambTest {
  @Test
  void threeStepsFollowTheLambRule() {
    double lr = 0.01;
    double b1 = 0.9;
    double b2 = 0.999;
    double[] m = new double[3];
    double[] v = new double[3];
    OptimizerTest.check(OptimizerTest.reference((t, w) -> {
      double[] u = new double[w.length];
      double wNorm = 0;
      double uNorm = 0;
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        m[i] += (g - m[i]) * (1 - b1);
        v[i] += (g * g - v[i]) * (1 - b2);
        u[i] = (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + 1e-7);
        wNorm += w[i] * w[i];
        uNorm += u[i] * u[i];
      }
      double ratio = Math.sqrt(wNorm) / Math.sqrt(uNorm);
      for (int i = 0; i < w.length; i++) {
        w[i] -= ratio * lr * u[i];
      }
    }), OptimizerTest.steps(new Lamb(lr)));
  }

  @Test
  void aZeroVariableTakesAnAdamSizedStep() {
    // ||w|| = 0: the ratio is 1, so the first step is lr * m_hat / (sqrt(v_hat) + eps) = lr * sign(g) (nearly)
    try (GradientSteps s = new GradientSteps(new Lamb(0.1), Shape.of(2), 0f, 0f)) {
      float[] w = s.step(0.5f, -2f);
      assertArrayEquals(new float[] {-0.1f, 0.1f}, w, 1e-6f);
    }
  }

  @Test
  void configRoundTrips() {
    Lamb back = Lamb.fromConfig(new Lamb(0.02).beta1(0.8).epsilon(1e-5).getConfig());
    assertEquals(0.8, back.getConfig().get("beta_1"));
    assertEquals(1e-5, back.getConfig().get("epsilon"));
    assertEquals("lamb", back.name());
    assertTrue(Optimizers.get("lamb") instanceof Lamb);
  }

  @Test
  void fitLowersTheLoss() {
    GradientSteps.fitLossDecreases(new Lamb(0.05));
  }
}
