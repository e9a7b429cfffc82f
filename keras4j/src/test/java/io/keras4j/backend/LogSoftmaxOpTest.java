package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import org.junit.jupiter.api.Test;

/**
 * Ops.logSoftmax along the last axis of a rank-3 tensor, as a per-step cross-entropy of sequences uses it: values
 * by hand and gradients by finite differences (TensorFlow's C++ gradient of LogSoftmax is right for rank 2 only).
 */
class LogSoftmaxOpTest {
  private static final float[] X = {0.3f, -1.2f, 2.0f, 0.5f, 0.1f, -0.4f, 1.5f, 0.7f, -2.0f, 0.0f, 0.9f, -0.6f};

  @Test
  void valuesAreLogSoftmaxOfEachRow() {
    float[] y = GraphFixture.eval1(X, Shape.of(2, 2, 3), t -> Backend.ops().logSoftmax(t, -1));
    float[] expected = new float[X.length];
    for (int r = 0; r < 4; r++) {
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += Math.exp(X[r * 3 + j]);
      }
      for (int j = 0; j < 3; j++) {
        expected[r * 3 + j] = (float) (X[r * 3 + j] - Math.log(sum));
      }
    }
    assertArrayEquals(expected, y, 1e-6f);
  }

  @Test
  void gradientsMatchFiniteDifferencesForRanksAboveTwo() {
    double err3 = GraphFixture.gradientError(X, Shape.of(2, 2, 3), t -> Backend.ops().logSoftmax(t, -1), 1e-3);
    assertTrue(err3 < 2e-3, "rank 3 gradient error " + err3);
    double err4 = GraphFixture.gradientError(X, Shape.of(1, 2, 2, 3), t -> Backend.ops().logSoftmax(t, -1), 1e-3);
    assertTrue(err4 < 2e-3, "rank 4 gradient error " + err4);
    double axis1 = GraphFixture.gradientError(X, Shape.of(2, 3, 2), t -> Backend.ops().logSoftmax(t, 1), 1e-3);
    assertTrue(axis1 < 2e-3, "axis 1 of rank 3 gradient error " + axis1);
  }
}
