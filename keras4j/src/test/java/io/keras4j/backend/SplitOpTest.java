package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ops.split (Keras' ops.split(x, sections, axis)): the parts by hand, its gradient, and what it refuses. */
class SplitOpTest {
  /** 0..11 as (2, 6). */
  private static final float[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

  @Test
  void threePartsOfTheLastAxisAreItsColumnPairs() {
    for (int part = 0; part < 3; part++) {
      int p = part;
      float[] y = GraphFixture.eval1(X, Shape.of(2, 6), t -> Backend.ops().split(t, 3, -1).get(p));
      // row r, columns 2p and 2p + 1: r * 6 + 2p + {0, 1}
      assertArrayEquals(new float[] {2 * p, 2 * p + 1, 6 + 2 * p, 7 + 2 * p}, y);
    }
    float[] second = GraphFixture.eval1(X, Shape.of(2, 6), t -> Backend.ops().split(t, 2, 0).get(1));
    assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11}, second);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    // a weighted sum of the parts, so each part's gradient differs: 1 * p0 + 2 * p1^2 + 3 * p2
    float[] small = new float[X.length];
    for (int i = 0; i < X.length; i++) {
      small[i] = X[i] / 10 - 0.5f;
    }
    double err = GraphFixture.gradientError(small, Shape.of(2, 6), t -> {
      Ops ops = Backend.ops();
      List<Tensor> p = ops.split(t, 3, 1);
      return ops.add(ops.add(p.get(0), ops.multiply(ops.constant(2f), ops.multiply(p.get(1), p.get(1)))),
          ops.multiply(ops.constant(3f), p.get(2)));
    }, 1e-2);
    assertTrue(err < 2e-3, "gradient error " + err);
  }

  @Test
  void anAxisThatDoesNotDivideSaysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphFixture.eval1(X, Shape.of(2, 6), t -> Backend.ops().split(t, 4, -1).get(0)));
    assertTrue(e.getMessage().contains("sections=4") && e.getMessage().contains("(2, 6)"), e.getMessage());
  }
}
