package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Ops.einsum}: products and sums by hand, an ellipsis, and its gradient. */
class EinsumOpTest {
  static final float[] K = {1, 2, 3, 4, 5, 6}; // (3, 2)

  @Test
  void contractsSharedLettersAndKeepsTheOutputs() {
    float[] x = {1, 0, 2, 0, 1, 1}; // (2, 3)
    List<float[]> y = GraphFixture.eval(List.of(x, K), List.of(Shape.of(2, 3), Shape.of(3, 2)),
        ts -> List.of(Backend.ops().einsum("ab,bc->ac", ts.get(0), ts.get(1))));
    // row (1,0,2): (1 + 10, 2 + 12); row (0,1,1): (3 + 5, 4 + 6)
    assertArrayEquals(new float[] {11, 14, 8, 10}, y.get(0));
    // an outer product and a transposed output
    List<float[]> outer = GraphFixture.eval(List.of(new float[] {1, 2}, new float[] {3, 4, 5}),
        List.of(Shape.of(2), Shape.of(3)), ts -> List.of(Backend.ops().einsum("a,b->ba", ts.get(0), ts.get(1))));
    assertArrayEquals(new float[] {3, 6, 4, 8, 5, 10}, outer.get(0));
  }

  @Test
  void anEllipsisStandsForTheLeadingAxes() {
    float[] x = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}; // (2, 2, 3)
    List<float[]> y = GraphFixture.eval(List.of(x, K), List.of(Shape.of(2, 2, 3), Shape.of(3, 2)),
        ts -> List.of(Backend.ops().einsum("...b,bc->...c", ts.get(0), ts.get(1))));
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 9, 12}, y.get(0));
  }

  @Test
  void isDifferentiable() {
    float[] x = {0.3f, -1.2f, 0.8f, 2.1f, -0.4f, 1.1f};
    double err = GraphFixture.gradientError(x, Shape.of(1, 2, 3), t -> {
      Ops ops = Backend.ops();
      Tensor k = ops.constant(new float[] {0.5f, -1, 2, 0.25f, 1.5f, -0.75f, 1, 1, -2, 0.3f, 0.6f, 0.9f},
          Shape.of(3, 2, 2));
      return ops.einsum("abc,cde->abde", t, k);
    }, 1e-3);
    assertTrue(err < 3e-3, "gradient error " + err);
  }
}
