package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.constraints.MaxNorm;
import io.keras4j.constraints.MinMaxNorm;
import io.keras4j.constraints.NonNeg;
import io.keras4j.constraints.UnitNorm;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import org.junit.jupiter.api.Test;

/** Regularizer penalties and constraint projections by hand, and both inside training. */
class RegularizersTest {
  static final float[] W = {3, -4, 0, 1};
  static final Shape S = Shape.of(2, 2); // columns (3, 0) and (-4, 1)

  @Test
  void penaltiesByHand() {
    assertEquals(0.01 * 8, GraphFixture.eval1(W, S, x -> new L1().call(x))[0], 1e-6);
    assertEquals(0.01 * 26, GraphFixture.eval1(W, S, x -> new L2().call(x))[0], 1e-6);
    assertEquals(0.1 * 8 + 0.2 * 26, GraphFixture.eval1(W, S, x -> new L1L2(0.1, 0.2).call(x))[0], 1e-5);
  }

  @Test
  void constraintsByHand() {
    assertArrayEquals(new float[] {3, 0, 0, 1}, GraphFixture.eval1(W, S, x -> new NonNeg().call(x)), 0f);
    // column norms along axis 0: |(3, 0)| = 3, |(-4, 1)| = sqrt(17)
    double n1 = Math.sqrt(17);
    float[] unit = GraphFixture.eval1(W, S, x -> new UnitNorm().call(x));
    assertArrayEquals(new float[] {1, (float) (-4 / n1), 0, (float) (1 / n1)}, unit, 1e-5f);
    float[] capped = GraphFixture.eval1(W, S, x -> new MaxNorm(2).call(x));
    assertArrayEquals(new float[] {2, (float) (-8 / n1), 0, (float) (2 / n1)}, capped, 1e-5f);
    float[] mm = GraphFixture.eval1(W, S, x -> new MinMaxNorm(3.5, 4, 0.5, 0).call(x));
    // column 0: norm 3 -> 0.5 * 3.5 + 0.5 * 3 = 3.25; column 1: sqrt(17) -> 0.5 * 4 + 0.5 * sqrt(17)
    double c1 = 0.5 * 4 + 0.5 * n1;
    assertArrayEquals(new float[] {3.25f, (float) (-4 * c1 / n1), 0, (float) (c1 / n1)}, mm, 1e-5f);
  }

  @Test
  void kernelRegularizerAddsToTheLossAndConstraintHoldsAfterTheStep() {
    Sequential m = new Sequential();
    m.add(new Dense(1).kernelInitializer("ones").useBias(false).kernelRegularizer(new L2(0.5))
        .kernelConstraint(new NonNeg()).inputDim(2));
    m.compile(new CompileOptions().optimizer(new SGD(1.0)).loss("mse"));
    // x = (1, 1), y = 2: prediction 2, mse 0; penalty 0.5 * (1 + 1) = 1
    assertEquals(1.0, m.trainOnBatch(new float[][] {{1, 1}}, new float[] {2}).get("loss"), 1e-6);
    // gradient of the penalty: 2 * 0.5 * w = 1 per weight, w -> 0 after the step, kept >= 0
    assertArrayEquals(new float[] {0, 0}, m.getWeights().get(0).toFloatArray(), 1e-6f);
  }
}
