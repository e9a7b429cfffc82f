package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.GraphFixture;
import org.junit.jupiter.api.Test;

/** {@code Ops.readAs}: after it, reads of the variable in the same trace see the assigned value. */
class ReadAsOpTest {
  @Test
  void laterReadsSeeTheAssignedValue() {
    Variable v = new Variable("v", Shape.of(2), "float32", true, new float[] {1, 2});
    float[] y = GraphFixture.eval1(new float[] {10, 20}, Shape.of(2), t -> {
      Ops ops = Backend.ops();
      Tensor before = ops.read(v);
      ops.readAs(v, ops.assign(v, ops.multiply(before, 3f)));
      // (3, 6) read after the assignment, plus the input
      return ops.add(ops.read(v), t);
    });
    assertArrayEquals(new float[] {13, 26}, y);
    assertArrayEquals(new float[] {3, 6}, v.floatValue());
  }
}
