package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Variable;
import org.junit.jupiter.api.Test;

/** Ftrl's update against the rule in plain Java, its arguments, its slots, and a fit. */
class FtrlTest {
  @Test
  void threeStepsFollowTheFtrlRule() {
    double lr = 0.1;
    double l1 = 0.05;
    double l2 = 0.1;
    double shrink = 0.02;
    double beta = 0.3;
    double[] n = {0.2, 0.2, 0.2};
    double[] z = new double[3];
    OptimizerTest.check(OptimizerTest.reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        double l2Reg = l2 + beta / (2 * lr);
        double nNew = n[i] + g * g;
        z[i] += g + 2 * shrink * w[i] - (Math.pow(nNew, 0.5) - Math.pow(n[i], 0.5)) / lr * w[i];
        double quadratic = Math.pow(nNew, 0.5) / lr + 2 * l2Reg;
        w[i] = (Math.max(-l1, Math.min(l1, z[i])) - z[i]) / quadratic;
        n[i] = nNew;
      }
    }), OptimizerTest.steps(new Ftrl(0.1).l1RegularizationStrength(l1).l2RegularizationStrength(l2)
        .l2ShrinkageRegularizationStrength(shrink).beta(beta).initialAccumulatorValue(0.2)));
  }

  @Test
  void learningRatePowerOtherThanAHalf() {
    double lr = 0.5;
    double p = 0.7;
    double[] n = {0.1, 0.1, 0.1};
    double[] z = new double[3];
    OptimizerTest.check(OptimizerTest.reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        double nNew = n[i] + g * g;
        z[i] += g - (Math.pow(nNew, p) - Math.pow(n[i], p)) / lr * w[i];
        // l1 = 0 clips z to 0
        w[i] = -z[i] / (Math.pow(nNew, p) / lr);
        n[i] = nNew;
      }
    }), OptimizerTest.steps(new Ftrl(lr).learningRatePower(-p)));
  }

  @Test
  void slotsAreAccumulatorThenLinear() {
    Ftrl f = new Ftrl().initialAccumulatorValue(0.4);
    Variable w = new Variable("w", io.keras4j.backend.Shape.of(2), "float32", true, new float[2]);
    f.build(java.util.List.of(w));
    assertEquals(java.util.List.of("ftrl/iteration", "ftrl/learning_rate", "ftrl/w_accumulator", "ftrl/w_linear"),
        f.variables().stream().map(Variable::path).toList());
    assertEquals(0.4f, f.variables().get(2).floatValue()[1]);
  }

  @Test
  void argumentsAreCheckedAsKerasDoes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ftrl().learningRatePower(0.5));
    assertTrue(e.getMessage().contains("learning_rate_power=0.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Ftrl().l1RegularizationStrength(-1));
    assertTrue(e.getMessage().contains("l1_regularization_strength=-1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Ftrl().initialAccumulatorValue(-0.1));
    assertTrue(e.getMessage().contains("initial_accumulator_value"), e.getMessage());
    Ftrl back = Ftrl.fromConfig(new Ftrl(0.2).beta(0.5).l2RegularizationStrength(0.3).getConfig());
    assertEquals(0.5, back.getConfig().get("beta"));
    assertEquals(0.3, back.getConfig().get("l2_regularization_strength"));
    assertTrue(Optimizers.get("ftrl") instanceof Ftrl);
  }

  @Test
  void fitLowersTheLoss() {
    GradientSteps.fitLossDecreases(new Ftrl(0.5));
  }
}
