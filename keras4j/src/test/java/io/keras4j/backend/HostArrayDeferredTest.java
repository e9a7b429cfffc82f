package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HostArray#deferred} and {@link Backend#array(HostArray)}: Java arrays copied straight into native memory
 * hold the input's values element by element, across chunk boundaries, with the errors {@link HostArray#of} gives.
 */
class HostArrayDeferredTest {
  private static float[][] matrix(int rows, int cols, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  private static float[] nativeValues(HostArray h) {
    try (NativeArray a = Backend.array(h)) {
      assertEquals("float32", a.dtype());
      assertEquals(h.shape(), a.shape());
      return a.toFloatArray();
    }
  }

  @Test
  void matrixCopiedToNativeEqualsItElementByElement() {
    // 300 x 1000 values: more than one chunk, and rows that straddle the chunks' ends
    float[][] x = matrix(300, 1000, 1);
    HostArray h = HostArray.deferred(x);
    assertTrue(h.isDeferred());
    assertEquals(Shape.of(300, 1000), h.shape());
    float[] v = nativeValues(h);
    assertEquals(300 * 1000, v.length);
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 1000; j++) {
        assertEquals(x[i][j], v[i * 1000 + j], "at [" + i + "][" + j + "]");
      }
    }
    assertTrue(h.isDeferred(), "the native copy makes no flat Java copy");
  }

  @Test
  void rank4ArrayCopiedToNativeInRowMajorOrder() {
    float[][][][] x = new float[3][4][5][9];
    Random r = new Random(2);
    for (float[][][] a : x) {
      for (float[][] b : a) {
        for (float[] c : b) {
          for (int k = 0; k < c.length; k++) {
            c[k] = r.nextFloat();
          }
        }
      }
    }
    float[] v = nativeValues(HostArray.deferred(x));
    int p = 0;
    for (int n = 0; n < 3; n++) {
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 5; j++) {
          for (int k = 0; k < 9; k++) {
            assertEquals(x[n][i][j][k], v[p++]);
          }
        }
      }
    }
  }

  @Test
  void otherElementTypesAreCastToFloat32() {
    double[][] d = new double[70][1000]; // more than one chunk
    int[][] ints = new int[3][8];
    long[][] longs = new long[3][8];
    boolean[][] bools = new boolean[3][8];
    Random r = new Random(3);
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d[i].length; j++) {
        d[i][j] = r.nextGaussian() * 1e3;
      }
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 8; j++) {
        ints[i][j] = r.nextInt();
        longs[i][j] = (1L << 40) + r.nextInt();
        bools[i][j] = r.nextBoolean();
      }
    }
    float[] dv = nativeValues(HostArray.deferred(d));
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d[i].length; j++) {
        assertEquals((float) d[i][j], dv[i * 1000 + j]);
      }
    }
    float[] iv = nativeValues(HostArray.deferred(ints));
    float[] lv = nativeValues(HostArray.deferred(longs));
    float[] bv = nativeValues(HostArray.deferred(bools));
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 8; j++) {
        assertEquals((float) ints[i][j], iv[i * 8 + j]);
        assertEquals((float) (double) longs[i][j], lv[i * 8 + j]);
        assertEquals(bools[i][j] ? 1f : 0f, bv[i * 8 + j]);
      }
    }
  }

  @Test
  void flatArrayIsCopiedToNativeAsIs() {
    float[] x = new float[100_000];
    Random r = new Random(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat();
    }
    HostArray h = HostArray.deferred(x);
    assertTrue(h.isDeferred());
    float[] v = nativeValues(h);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], v[i]);
    }
  }

  @Test
  void valuesAndRowsOfADeferredArrayAreItsOwn() {
    float[][] x = matrix(5, 8, 5);
    HostArray h = HostArray.deferred(x);
    HostArray tail = h.rows(2, 5);
    assertTrue(tail.isDeferred(), "a slice of rows keeps the Java rows");
    assertEquals(Shape.of(3, 8), tail.shape());
    float[] t = nativeValues(tail);
    float[] all = h.values();
    assertFalse(h.isDeferred());
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 8; j++) {
        assertEquals(x[i][j], all[i * 8 + j]);
        if (i >= 2) {
          assertEquals(x[i][j], t[(i - 2) * 8 + j]);
        }
      }
    }
    x[0][0] = 1e9f;
    assertEquals(x[1][0], h.values()[8]);
    assertTrue(h.values()[0] != 1e9f, "values() is a copy, not the caller's array");
    float[] again = nativeValues(h); // a flattened array goes to native memory from its values
    for (int i = 0; i < all.length; i++) {
      assertEquals(all[i], again[i]);
    }
  }

  @Test
  void shortRowsOfOtherTypesAreFlattenedAtOnce() {
    // double rows of fewer than 8 values cost as much to check as to cast: deferred converts them as of does
    HostArray h = HostArray.deferred(new double[4][2][7]);
    assertFalse(h.isDeferred());
    assertEquals(Shape.of(4, 2, 7), h.shape());
  }

  @Test
  void shortFloatRowsAreKeptAndCopiedInRowMajorOrder() {
    // 70,001 rows of 1 value and 20,000 rows of 5: more rows than fit one chunk, so the rows of one array fill
    // several chunks; each value lands at row * width + column
    for (int width : new int[] {1, 5}) {
      int rows = width == 1 ? 70_001 : 20_000;
      float[][] x = matrix(rows, width, 10 + width);
      HostArray h = HostArray.deferred(x);
      assertTrue(h.isDeferred(), "float rows of " + width + " are kept");
      float[] v = nativeValues(h);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < width; j++) {
          if (x[i][j] != v[i * width + j]) {
            assertEquals(x[i][j], v[i * width + j], "at [" + i + "][" + j + "]");
          }
        }
      }
    }
  }

  @Test
  void imagesOfOneChannelAreCopiedInRowMajorOrder() {
    // float[n][28][28][1], W3's shape: the last two axes are 28 rows of one value each
    float[][][][] x = new float[3][28][28][1];
    for (int n = 0; n < 3; n++) {
      for (int i = 0; i < 28; i++) {
        for (int j = 0; j < 28; j++) {
          x[n][i][j][0] = n * 1000 + i * 28 + j;
        }
      }
    }
    float[] v = nativeValues(HostArray.deferred(x));
    for (int k = 0; k < v.length; k++) {
      assertEquals((k / 784) * 1000 + k % 784, v[k], "value " + k);
    }
  }

  @Test
  void rowsLongerThanAChunkGoInPieces() {
    float[][] x = matrix(3, NestedArrayWriter.CHUNK + 7, 12);
    float[] v = nativeValues(HostArray.deferred(x));
    int w = NestedArrayWriter.CHUNK + 7;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < w; j++) {
        if (x[i][j] != v[i * w + j]) {
          assertEquals(x[i][j], v[i * w + j], "at [" + i + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void aSmallArrayAfterALargeOneHoldsOnlyItsOwnValues() {
    // each thread keeps its chunk between copies; a later, smaller copy must not see the earlier values
    nativeValues(HostArray.deferred(matrix(5000, 9, 13)));
    float[] v = nativeValues(HostArray.deferred(new float[][] {{1, 2, 3}, {4, 5, 6}}));
    assertEquals(6, v.length);
    for (int k = 0; k < 6; k++) {
      assertEquals(k + 1, v[k]);
    }
  }

  @Test
  void raggedAndNullRowsGiveTheErrorsOfOf() {
    float[][] ragged = matrix(4, 8, 6);
    ragged[2] = new float[5];
    String expected = assertThrows(IllegalArgumentException.class, () -> HostArray.of(ragged)).getMessage();
    var e = assertThrows(IllegalArgumentException.class, () -> HostArray.deferred(ragged));
    assertEquals(expected, e.getMessage());
    assertTrue(e.getMessage().startsWith("Ragged array: the element at index [2] has length 5 where 8 was expected"),
        e.getMessage());

    float[][][] nullRow = new float[2][3][8];
    nullRow[1][2] = null;
    var n = assertThrows(IllegalArgumentException.class, () -> HostArray.deferred(nullRow));
    assertEquals("Null element at index [1][2]; expected an array of length 8 there", n.getMessage());

    var type = assertThrows(IllegalArgumentException.class, () -> HostArray.deferred(new short[3][8]));
    assertTrue(type.getMessage().startsWith("Unsupported element type short"), type.getMessage());
  }

  @Test
  void aRowChangedAfterTheCheckIsStillRefused() {
    float[][] x = matrix(3, 8, 7);
    HostArray h = HostArray.deferred(x);
    x[1] = new float[9];
    var e = assertThrows(IllegalArgumentException.class, () -> Backend.array(h));
    assertTrue(e.getMessage().startsWith("Ragged array: the element at index [1] has length 9 where 8 was expected"),
        e.getMessage());

    float[][] shortRows = matrix(500, 5, 14); // rows copied in blocks: the error still names the row
    HostArray s = HostArray.deferred(shortRows);
    shortRows[321] = new float[4];
    var b = assertThrows(IllegalArgumentException.class, () -> Backend.array(s));
    assertEquals("Ragged array: the element at index [321] has length 4 where 5 was expected (the length of the first "
        + "element along axis 1); every row must have the same length", b.getMessage());
  }

  @Test
  void largeMatrixIsCopiedInParallelPartsInRowMajorOrder() {
    // 1,500 x 784 values: above the size written by several threads, each part from its own offset
    float[][] x = matrix(1500, 784, 8);
    assertTrue(1500L * 784 >= NestedArrays.PARALLEL_FLATTEN);
    float[] v = nativeValues(HostArray.deferred(x));
    for (int i = 0; i < 1500; i++) {
      for (int j = 0; j < 784; j++) {
        if (x[i][j] != v[i * 784 + j]) {
          assertEquals(x[i][j], v[i * 784 + j], "at [" + i + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void largeFlatArrayIsCopiedInParallelPartsInOrder() {
    // 1,200,001 values of a flat array (an NDArray's, or a flattened one): one part per core, each from its own offset
    float[] x = new float[1_200_001];
    for (int i = 0; i < x.length; i++) {
      x[i] = i * 0.5f;
    }
    assertTrue(x.length >= NestedArrays.PARALLEL_FLATTEN);
    float[] v = nativeValues(new HostArray(x, io.keras4j.backend.Shape.of(x.length)));
    for (int i = 0; i < x.length; i++) {
      if (v[i] != i * 0.5f) {
        assertEquals(i * 0.5f, v[i], "at [" + i + "]");
      }
    }
  }

  @Test
  void largeMatrixChangedAfterTheCheckNamesTheFirstBadRow() {
    float[][] x = matrix(1500, 784, 9);
    HostArray h = HostArray.deferred(x);
    x[1300] = new float[3];
    x[600] = null;
    var e = assertThrows(IllegalArgumentException.class, () -> Backend.array(h));
    assertTrue(e.getMessage().startsWith("Null element at index [600]"), e.getMessage());
  }

  @Test
  void largeImagesOfOneChannelAreCheckedInPartsAndTheFirstBadRowNamed() {
    float[][][][] x = new float[17][256][256][1]; // 1,114,112 values: checked on every core
    x[15][3][7] = new float[2];
    x[2][100][5] = null;
    var e = assertThrows(IllegalArgumentException.class, () -> HostArray.deferred(x));
    assertEquals("Null element at index [2][100][5]; expected an array of length 1 there", e.getMessage());

    x[2][100][5] = new float[1];
    var r = assertThrows(IllegalArgumentException.class, () -> HostArray.deferred(x));
    assertEquals("Ragged array: the element at index [15][3][7] has length 2 where 1 was expected (the length of the "
        + "first element along axis 3); every row must have the same length", r.getMessage());

    x[15][3][7] = new float[] {42f};
    x[16][255][255][0] = 7f;
    float[] values = HostArray.deferred(x).values();
    assertEquals(1_114_112, values.length);
    assertEquals(42f, values[(15 * 256 + 3) * 256 + 7]);
    assertEquals(7f, values[values.length - 1]);
    assertEquals(0f, values[(2 * 256 + 100) * 256 + 5]);
  }

  @Test
  void anUncheckedArrayIsCheckedByItsCopyWithTheSameErrors() {
    // what predict does: no walk to check, the copy into native memory checks every row, on every core
    float[][][][] x = new float[17][256][256][1];
    x[15][3][7] = new float[2];
    x[2][100][5] = null;
    HostArray unchecked = HostArray.deferred(x, false);
    assertEquals(Shape.of(17, 256, 256, 1), unchecked.shape());
    var e = assertThrows(IllegalArgumentException.class, () -> Backend.array(unchecked));
    assertEquals("Null element at index [2][100][5]; expected an array of length 1 there", e.getMessage());

    x[2][100][5] = new float[1];
    var r = assertThrows(IllegalArgumentException.class, () -> Backend.array(HostArray.deferred(x, false)));
    assertEquals(assertThrows(IllegalArgumentException.class, () -> HostArray.deferred(x)).getMessage(),
        r.getMessage());

    x[15][3][7] = new float[] {42f};
    x[16][255][255][0] = 7f;
    float[] v = nativeValues(HostArray.deferred(x, false));
    assertEquals(42f, v[(15 * 256 + 3) * 256 + 7]);
    assertEquals(7f, v[v.length - 1]);
  }
}
