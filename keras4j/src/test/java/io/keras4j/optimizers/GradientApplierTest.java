package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keywords every optimizer shares that change how gradients are applied: gradient accumulation, the moving
 * average of the weights, loss scaling, each against hand arithmetic, and in {@code fit}.
 */
class GradientApplierTest {
  @Test
  void accumulationAppliesTheMeanEveryNthStep() {
    SGD sgd = new SGD(0.1).gradientAccumulationSteps(2);
    try (GradientSteps s = new GradientSteps(sgd, Shape.of(2), 1f, 2f)) {
      assertArrayEquals(new float[] {1f, 2f}, s.step(1f, 4f), 0f);
      assertEquals(0, sgd.iterations());
      // mean of (1, 4) and (3, 0): (2, 2)
      assertArrayEquals(new float[] {1 - 0.2f, 2 - 0.2f}, s.step(3f, 0f), 1e-6f);
      assertEquals(1, sgd.iterations());
      assertArrayEquals(new float[] {0.8f, 1.8f}, s.step(5f, 5f), 1e-6f);
      assertArrayEquals(new float[] {0.8f - 0.4f, 1.8f - 0.3f}, s.step(3f, 1f), 1e-6f);
      assertEquals(2, sgd.iterations());
    }
  }

  @Test
  void accumulationCountsAdamsStepsInUpdates() {
    // Adam's bias correction at its first applied update is t = 1, though it is the second call
    Adam adam = new Adam(0.1).gradientAccumulationSteps(2);
    try (GradientSteps s = new GradientSteps(adam, Shape.of(1), 1f)) {
      s.step(2f);
      // g = 1: m = 0.1, v = 0.001; alpha = 0.1 sqrt(0.001)/0.1; w -= alpha m/(sqrt(v)+eps) = 0.1 (nearly)
      assertArrayEquals(new float[] {0.9f}, s.step(0f), 1e-5f);
    }
  }

  @Test
  void movingAverageStartsAtTheWeightsAndOverwritesThem() {
    SGD sgd = new SGD(0.1).useEma(true).emaMomentum(0.5).emaOverwriteFrequency(3);
    try (GradientSteps s = new GradientSteps(sgd, Shape.of(1), 1f)) {
      Variable avg = sgd.variables().get(2);
      assertEquals("sgd/w_average", avg.path());
      assertArrayEquals(new float[] {0.9f}, s.step(1f), 1e-6f);
      assertArrayEquals(new float[] {0.9f}, avg.floatValue(), 1e-6f, "the first average is the weight");
      assertArrayEquals(new float[] {0.7f}, s.step(2f), 1e-6f);
      assertArrayEquals(new float[] {0.8f}, avg.floatValue(), 1e-6f);
      // third update: w = 0.7 - 0.1 * 3 = 0.4, avg = (0.8 + 0.4) / 2 = 0.6, then w becomes avg
      assertArrayEquals(new float[] {0.6f}, s.step(3f), 1e-6f);
      assertArrayEquals(new float[] {0.5f}, s.step(1f), 1e-6f);
      assertArrayEquals(new float[] {0.55f}, avg.floatValue(), 1e-6f);
      sgd.finalizeVariableValues(List.of(s.w));
      assertArrayEquals(new float[] {0.55f}, s.w.floatValue(), 1e-6f);
    }
  }

  @Test
  void lossScaleFactorDividesTheGradients() {
    try (GradientSteps s = new GradientSteps(new SGD(0.1).lossScaleFactor(4), Shape.of(1), 1f)) {
      assertArrayEquals(new float[] {0.9f}, s.step(4f), 1e-6f);
    }
  }

  @Test
  void fitEndsWithTheMovingAverageAndScalesTheLoss() {
    Adam ema = new Adam(0.05).useEma(true).emaMomentum(0.9);
    GradientSteps.fitLossDecreases(ema, m -> {
      // finalize_variable_values: after fit each weight is its moving average (kernel's and bias' averages)
      List<Variable> vars = ema.variables();
      for (int i = 0; i < 2; i++) {
        Variable w = m.trainableWeights().get(i);
        assertEquals(w.path().replace('/', '_') + "_average", vars.get(2 + i).path().substring("adam/".length()));
        assertArrayEquals(vars.get(2 + i).floatValue(), w.floatValue(), 0f);
      }
    });
    List<Double> plain = GradientSteps.fitLossDecreases(new SGD(0.05));
    List<Double> scaled = GradientSteps.fitLossDecreases(new SGD(0.05).lossScaleFactor(8));
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(plain.get(i), scaled.get(i), 1e-5, "epoch " + i + ": the scaled loss's gradients are unscaled");
    }
    List<Double> accumulated = GradientSteps.fitLossDecreases(new SGD(0.05).gradientAccumulationSteps(2));
    assertEquals(plain.get(0), accumulated.get(0), 0.5, "same data, half the updates");
  }
}
