package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import org.junit.jupiter.api.Test;

/** Keras' keyword arguments of the norm constraints as setters: they change the result and the config. */
class ConstraintSettersTest {
  /** Columns (axis 0) of [[3, 0], [4, 1]]: norms 5 and 1. */
  private static final float[] W = {3, 0, 4, 1};

  @Test
  void maxNormValueAndAxis() {
    // max_value 2 over axis 0: the first column (norm 5) scaled to norm 2, the second (norm 1) kept
    float[] out = GraphFixture.eval1(W, Shape.of(2, 2), new MaxNorm().maxValue(2).axis(0));
    assertArrayEquals(new float[] {1.2f, 0, 1.6f, 1}, out, 1e-5f);
    assertEquals(2.0, new MaxNorm().maxValue(2).getConfig().get("max_value"));
    assertEquals(1, new MaxNorm().axis(1).getConfig().get("axis"));
  }

  @Test
  void minMaxNormBoundsAndRate() {
    // norms clipped into [2, 3]: 5 → 3, 1 → 2; rate 1 applies them fully
    float[] out = GraphFixture.eval1(W, Shape.of(2, 2), new MinMaxNorm().minValue(2).maxValue(3).rate(1).axis(0));
    assertArrayEquals(new float[] {1.8f, 0, 2.4f, 2}, out, 1e-5f);
  }

  @Test
  void unitNormAxis() {
    // rows (axis 1) of [[3, 0], [4, 1]]: norms 3 and sqrt(17)
    float[] out = GraphFixture.eval1(W, Shape.of(2, 2), new UnitNorm().axis(1));
    double r = Math.sqrt(17);
    assertArrayEquals(new float[] {1, 0, (float) (4 / r), (float) (1 / r)}, out, 1e-5f);
  }
}
