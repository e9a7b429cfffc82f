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

  /** A (n, 28, 28, 1) batch, above the size flattened in parallel, whose value at [k][i][j][0] is k + i / 100 + j. */
  private static float[][][][] bigImages(int n) {
    float[][][][] x = new float[n][28][28][1];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < 28; i++) {
        for (int j = 0; j < 28; j++) {
          x[k][i][j][0] = k + i / 100f + j;
        }
      }
    }
    return x;
  }

  @Test
  void largeArraysFlattenInRowMajorOrderInParallel() {
    int n = 1500; // 1,176,000 values
    assertTrue((long) n * 28 * 28 >= NestedArrays.PARALLEL_FLATTEN);
    float[] v = (float[]) HostArray.of(bigImages(n)).values();
    assertEquals(n * 784, v.length);
    for (int k : new int[] {0, 1, 749, 750, 1499}) {
      for (int i : new int[] {0, 13, 27}) {
        for (int j : new int[] {0, 5, 27}) {
          assertEquals(k + i / 100f + j, v[k * 784 + i * 28 + j], 0f);
        }
      }
    }
  }

  @Test
  void largeRaggedArrayNamesTheFirstBadElement() {
    float[][][][] x = bigImages(1500);
    x[1400][3][9] = new float[2];
    x[200][27] = null;
    var e = assertThrows(IllegalArgumentException.class, () -> HostArray.of(x));
    assertTrue(e.getMessage().contains("Null element at index [200][27]"), e.getMessage());
  }
}
