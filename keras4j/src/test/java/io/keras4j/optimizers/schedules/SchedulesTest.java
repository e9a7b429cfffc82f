package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.saving.KerasObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedule keywords by value at chosen steps (Keras' formulas in plain Java), and their configs read back. */
class SchedulesTest {
  @Test
  void keywordsChangeTheValues() {
    assertEquals(0.1 * 0.5, new ExponentialDecay(0.1, 10, 0.5).staircase(true).value(15), 1e-12);
    assertEquals(0.1 / (1 + 0.5 * 1), new InverseTimeDecay(0.1, 10, 0.5).staircase(true).value(19), 1e-12);
    // warmup from 0 to 1 over 10 steps, then cosine to alpha = 0.1 of the peak over 20
    CosineDecay cos = new CosineDecay(0.0, 20).warmupTarget(1.0).warmupSteps(10).alpha(0.1);
    assertEquals(0.5, cos.value(5), 1e-12);
    assertEquals(0.1 + 0.9 * 0.5, cos.value(20), 1e-12);
    // (0.1 - 0.01) * (1 - 5/10)^2 + 0.01
    assertEquals(0.09 * 0.25 + 0.01, new PolynomialDecay(0.1, 10).endLearningRate(0.01).power(2).value(5), 1e-12);
    // cycle: at step 15 the horizon is 20
    assertEquals(0.09 * 0.0625 + 0.01,
        new PolynomialDecay(0.1, 10).endLearningRate(0.01).power(2).cycle(true).value(15), 1e-12);
  }

  @Test
  void serializedSchedulesReadBackWithEveryKey() {
    List<LearningRateSchedule> all = List.of(new ExponentialDecay(0.1, 10, 0.5).staircase(true).name("e"),
        new InverseTimeDecay(0.1, 10, 0.5), new CosineDecay(0.0, 20).warmupTarget(1.0).warmupSteps(10).alpha(0.1),
        new PolynomialDecay(0.1, 10).endLearningRate(0.01).power(2).cycle(true),
        new PiecewiseConstantDecay(new long[] {5, 9}, new double[] {1, 0.5, 0.1}));
    for (LearningRateSchedule s : all) {
      LearningRateSchedule back = LearningRateSchedules.get(KerasObjects.serialize(s));
      assertEquals(s.getClass(), back.getClass());
      assertEquals(s.getConfig().toString(), back.getConfig().toString());
      assertEquals(s.value(7), back.value(7), 0);
    }
  }

  @Test
  void kerasConfigsRead() {
    // Keras 3.15.1: PiecewiseConstantDecay([10], [0.1, 0.01]).get_config()
    PiecewiseConstantDecay p = PiecewiseConstantDecay.fromConfig(Map.of("boundaries", List.of(10), "values",
        List.of(0.1, 0.01), "name", "PiecewiseConstant"));
    assertEquals(0.1, p.value(10), 0);
    assertEquals(0.01, p.value(11), 0);
    CosineDecay c = assertInstanceOf(CosineDecay.class, LearningRateSchedules.get(Map.of("class_name",
        "CosineDecay", "config", Map.of("initial_learning_rate", 0.1, "decay_steps", 10, "alpha", 0.0,
            "name", "CosineDecay", "warmup_steps", 0))));
    assertEquals(0.05, c.value(5), 1e-12);
  }

  @Test
  void badArgumentsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 0, 0.5));
    assertTrue(e.getMessage().contains("decay_steps=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ExponentialDecay.fromConfig(Map.of("decay_steps", 3)));
    assertTrue(e.getMessage().contains("initial_learning_rate"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.get("CosineDecayRestarts"));
    assertTrue(e.getMessage().contains("CosineDecayRestarts"), e.getMessage());
  }

  @Test
  void cosineDecayIgnoresWarmupStepsWithoutAWarmupTarget() {
    // Keras decays from step 0 when warmup_target is None: 0.1 * 0.5 * (1 + cos(pi * 50 / 100)) = 0.05 at step 50
    CosineDecay cos = new CosineDecay(0.1, 100).warmupSteps(10);
    assertEquals(0.1, cos.value(0), 1e-12);
    assertEquals(0.05, cos.value(50), 1e-12);
  }
}
