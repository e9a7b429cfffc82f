package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import io.keras4j.saving.KerasObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dynamic loss scaling: unscaled steps, skipped non-finite steps, growth, variables, config, a fit. */
class LossScaleOptimizerTest {
  @Test
  void unscalesSkipsHalvesAndDoubles() {
    LossScaleOptimizer opt = new LossScaleOptimizer(new SGD(0.1)).initialScale(4).dynamicGrowthSteps(2);
    try (GradientSteps s = new GradientSteps(opt, Shape.of(2), 1f, -1f)) {
      // step 1: w -= 0.1 * g / 4
      assertArrayEquals(new float[] {1 - 0.1f * 2 / 4, -1 - 0.1f * -4 / 4}, s.step(2f, -4f), 1e-6f);
      assertEquals(4.0, opt.dynamicScale());
      // step 2: two finite steps in a row double the scale, after this step's update with scale 4
      assertArrayEquals(new float[] {0.95f - 0.1f * 4 / 4, -0.9f}, s.step(4f, 0f), 1e-6f);
      assertEquals(8.0, opt.dynamicScale());
      // step 3: an infinite gradient skips the step and halves the scale
      assertArrayEquals(new float[] {0.85f, -0.9f}, s.step(Float.POSITIVE_INFINITY, 1f), 1e-6f);
      assertEquals(4.0, opt.dynamicScale());
      // step 4: NaN too
      assertArrayEquals(new float[] {0.85f, -0.9f}, s.step(1f, Float.NaN), 1e-6f);
      assertEquals(2.0, opt.dynamicScale());
      // step 5: w -= 0.1 * g / 2
      assertArrayEquals(new float[] {0.85f - 0.1f, -0.9f}, s.step(2f, 0f), 1e-6f);
      assertEquals(3, opt.iterations(), "the inner optimizer counts the applied steps only");
    }
  }

  @Test
  void ownVariablesThenTheInnerOnes() {
    LossScaleOptimizer opt = new LossScaleOptimizer(new SGD(0.1).momentum(0.9));
    opt.build(List.of(new Variable("w", Shape.of(2), "float32", true, new float[2])));
    assertEquals(List.of("loss_scale_optimizer/iteration", "loss_scale_optimizer/learning_rate",
        "loss_scale_optimizer/step_counter", "loss_scale_optimizer/dynamic_scale", "sgd/iteration",
        "sgd/learning_rate", "sgd/w_momentum"), opt.variables().stream().map(Variable::path).toList());
    assertEquals(32768f, opt.variables().get(3).floatValue()[0]);
  }

  @Test
  void configHoldsTheInnerOptimizer() {
    LossScaleOptimizer opt = new LossScaleOptimizer(new Adam(0.01).useEma(true)).initialScale(64).dynamicGrowthSteps(5);
    Map<String, Object> c = opt.getConfig();
    assertEquals(List.of("name", "inner_optimizer", "initial_scale", "dynamic_growth_steps"), List.copyOf(c.keySet()));
    LossScaleOptimizer back = (LossScaleOptimizer) Optimizers.get(KerasObjects.serialize(opt));
    assertEquals(c.toString(), back.getConfig().toString());
    assertEquals(0.01, back.learningRate(), 1e-7);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossScaleOptimizer.fromConfig(
        Map.of("inner_optimizer", KerasObjects.serialize(new SGD()), "clipnorm", 1.0)));
    assertTrue(e.getMessage().contains("does not support `clipnorm`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> opt.clipnorm(1));
    assertTrue(e.getMessage().contains("`inner_optimizer`"), e.getMessage());
    // Keras' defaults of the other keys are accepted, as older files carry them
    LossScaleOptimizer.fromConfig(Map.of("inner_optimizer", KerasObjects.serialize(new SGD()), "use_ema", false,
        "ema_momentum", 0.99));
  }

  @Test
  void fitLowersTheLoss() {
    LossScaleOptimizer opt = new LossScaleOptimizer(new SGD(0.05)).initialScale(1024);
    GradientSteps.fitLossDecreases(opt);
    assertEquals(1024.0, opt.dynamicScale(), "finite gradients keep the scale below 2000 growth steps");
    assertEquals(20, opt.iterations());
  }
}
