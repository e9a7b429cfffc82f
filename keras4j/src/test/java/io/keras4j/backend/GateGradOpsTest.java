package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.GraphFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ops.sigmoidGrad and Ops.tanhGrad, which the LSTM and GRU hand products use: dy · y · (1 - y) and dy · (1 - y²),
 * worked out in plain Java.
 */
class GateGradOpsTest {
  private static final float[] Y = {0.1f, 0.5f, 0.9f, -0.7f, 0.0f, 0.99f};
  private static final float[] DY = {1.5f, -2.0f, 0.25f, 3.0f, -1.0f, 0.5f};

  private static float[] run(boolean sigmoid) {
    return GraphFixture.eval(List.of(Y, DY), List.of(Shape.of(2, 3), Shape.of(2, 3)), in -> List.of(sigmoid
        ? Backend.ops().sigmoidGrad(in.get(0), in.get(1)) : Backend.ops().tanhGrad(in.get(0), in.get(1)))).get(0);
  }

  @Test
  void sigmoidGradIsDyTimesYTimesOneMinusY() {
    float[] expected = new float[Y.length];
    for (int i = 0; i < Y.length; i++) {
      expected[i] = DY[i] * Y[i] * (1 - Y[i]);
    }
    assertArrayEquals(expected, run(true), 1e-6f);
  }

  @Test
  void tanhGradIsDyTimesOneMinusYSquared() {
    float[] expected = new float[Y.length];
    for (int i = 0; i < Y.length; i++) {
      expected[i] = DY[i] * (1 - Y[i] * Y[i]);
    }
    assertArrayEquals(expected, run(false), 1e-6f);
  }
}
