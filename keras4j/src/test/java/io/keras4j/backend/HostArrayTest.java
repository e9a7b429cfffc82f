package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link HostArray#of}: nested Java arrays flattened in row-major order, and the errors for ragged ones. */
class HostArrayTest {
  /** A (2, 3, 2, 1) image batch whose value at [n][i][j][0] is 100n + 10i + j. */
  private static float[][][][] images() {
    float[][][][] x = new float[2][3][2][1];
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 2; j++) {
          x[n][i][j][0] = 100 * n + 10 * i + j;
        }
      }
    }
    return x;
  }

  @Test
  void oneChannelImagesFlattenInRowMajorOrder() {
    HostArray h = HostArray.of(images());
    assertEquals(Shape.of(2, 3, 2, 1), h.shape());
    float[] expected = {0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121};
    assertArrayEquals(expected, (float[]) h.values());
  }

  @Test
  void widerRowsFlattenInRowMajorOrder() {
    HostArray h = HostArray.of(new float[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}});
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, (float[]) h.values());
  }

  @Test
  void doubleImagesBecomeFloat32() {
    HostArray h = HostArray.of(new double[][][] {{{0.5}, {1.5}}, {{2.5}, {3.5}}});
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f}, (float[]) h.values());
  }

  @Test
  void raggedLeafRowNamesItsIndex() {
    float[][][][] x = images();
    x[1][2][1] = new float[2];
    var e = assertThrows(IllegalArgumentException.class, () -> HostArray.of(x));
    assertTrue(e.getMessage().contains("Ragged array: the element at index [1][2][1] has length 2 where 1 was "
        + "expected"), e.getMessage());
  }

  @Test
  void nullLeafRowNamesItsIndex() {
    float[][][][] x = images();
    x[0][1][0] = null;
    var e = assertThrows(IllegalArgumentException.class, () -> HostArray.of(x));
    assertTrue(e.getMessage().contains("Null element at index [0][1][0]"), e.getMessage());
  }
}
