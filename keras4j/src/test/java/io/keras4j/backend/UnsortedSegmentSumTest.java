package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.GraphFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Ops.unsortedSegmentSum}: a histogram by hand. */
class UnsortedSegmentSumTest {
  @Test
  void sumsBySegmentAndLeavesEmptySegmentsZero() {
    float[] data = {1, 2, 3, 4, 5};
    float[] ids = {3, 0, 3, 1, 0};
    float[] y = GraphFixture.eval(List.of(data, ids), List.of(Shape.of(5), Shape.of(5)), in -> List.of(
        Backend.ops().unsortedSegmentSum(in.get(0), in.get(1), 5))).get(0);
    // segment 0: 2 + 5, segment 1: 4, segment 2: none, segment 3: 1 + 3, segment 4: none
    assertArrayEquals(new float[] {7, 4, 0, 4, 0}, y);
  }
}
