package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NDArray's conversions, shapes and errors, checked against values written out by hand. */
class NDArrayTest {
  @Test
  void javaArraysKeepTheirShapeAndElementType() {
    NDArray a = NDArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertEquals("float32", a.dtype());
    assertArrayEquals(new long[] {2, 3}, a.shape());
    assertEquals(2, a.rank());
    assertEquals(6, a.size());
    assertEquals(2, a.length());
    assertEquals(6f, a.getFloat(1, 2));
    assertEquals(4f, a.getFloat(-1, 0), "a negative index counts from the end, as in NumPy");
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.toFloatArray());

    assertEquals("float64", NDArray.of(new double[][][] {{{0.5}}}).dtype());
    assertEquals("int32", NDArray.of(new int[] {1, 2}).dtype());
    assertEquals("int64", NDArray.of(new long[][] {{1L << 40}}).dtype());
    assertEquals(1L << 40, NDArray.of(new long[][] {{1L << 40}}).getLong(0, 0));
    assertEquals("bool", NDArray.of(new boolean[] {true, false}).dtype());
    assertTrue(NDArray.of(new boolean[] {true, false}).getBoolean(0));
  }

  @Test
  void nestedConversionsRoundTripEveryRank() {
    float[][][][] image = new float[2][3][2][1];
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 2; j++) {
          image[n][i][j][0] = 100 * n + 10 * i + j;
        }
      }
    }
    NDArray a = NDArray.of(image);
    assertArrayEquals(new long[] {2, 3, 2, 1}, a.shape());
    // row-major: the element (1, 2, 1, 0) sits at ((1 * 3 + 2) * 2 + 1) * 1 = 11
    assertEquals(121f, a.toFloatArray()[11]);
    assertEquals(121f, a.getFloat(1, 2, 1, 0));
    float[][][][] back = a.toArray(float[][][][].class);
    assertEquals(121f, back[1][2][1][0]);
    assertTrue(java.util.Arrays.deepEquals(image, back));
    assertTrue(java.util.Arrays.deepEquals(image, (Object[]) a.toArray()));
    int[][][][] ints = a.toArray(int[][][][].class);
    assertEquals(121, ints[1][2][1][0]);
  }

  @Test
  void flatValuesTakeAShapeAndReshapeInfersMinusOne() {
    NDArray a = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[][] {{1, 2, 3}, {4, 5, 6}}, a.toFloat2D());
    NDArray b = a.reshape(3, -1);
    assertArrayEquals(new long[] {3, 2}, b.shape());
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}, {5, 6}}, b.toFloat2D());
    assertArrayEquals(new long[] {6}, NDArray.of(new int[] {1, 2, 3, 4, 5, 6}).shape());
    assertArrayEquals(new long[] {}, NDArray.scalar(2.5f).shape());
    assertEquals(2.5f, NDArray.scalar(2.5f).getFloat());
  }

  @Test
  void factoriesCopyTheirInput() {
    float[] values = {1, 2};
    NDArray a = NDArray.of(values, 2);
    values[0] = 99;
    assertEquals(1f, a.getFloat(0));
    float[] out = a.toFloatArray();
    out[1] = 99;
    assertEquals(2f, a.getFloat(1));
  }

  @Test
  void astypeConvertsAsNumPyDoes() {
    NDArray a = NDArray.of(new float[] {1.7f, -1.7f, 0});
    assertArrayEquals(new int[] {1, -1, 0}, a.astype("int32").toIntArray(), "truncates toward zero");
    assertArrayEquals(new boolean[] {true, true, false}, a.astype("bool").toArray(boolean[].class));
    assertArrayEquals(new double[] {1, 0}, NDArray.of(new boolean[] {true, false}).toDoubleArray());
  }

  @Test
  void equalityNeedsTheSameDtypeShapeAndValues() {
    NDArray a = NDArray.of(new float[][] {{1, 2}});
    assertEquals(a, NDArray.of(new float[] {1, 2}, 1, 2));
    assertEquals(a.hashCode(), NDArray.of(new float[] {1, 2}, 1, 2).hashCode());
    assertNotEquals(a, NDArray.of(new float[] {1, 2}));
    assertNotEquals(a, NDArray.of(new double[][] {{1, 2}}));
    assertNotEquals(a, NDArray.of(new float[][] {{1, 3}}));
  }

  @Test
  void toStringReadsLikeNumPy() {
    assertEquals("array([[1.0, 2.0], [3.0, 4.0]], shape=(2, 2), dtype=float32)",
        NDArray.of(new float[][] {{1, 2}, {3, 4}}).toString());
    assertEquals("array([True, False], shape=(2,), dtype=bool)", NDArray.of(new boolean[] {true, false}).toString());
    String big = NDArray.zeros("int32", 2000).toString();
    assertEquals("array([0, 0, 0, ..., 0, 0, 0], shape=(2000,), dtype=int32)", big);
  }

  static Stream<Arguments> errors() {
    NDArray a = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    return Stream.of(
        Arguments.of((Runnable) () -> a.reshape(4, -1), "Cannot reshape an array of size 6 into shape (4, -1)"),
        Arguments.of((Runnable) () -> NDArray.of(new float[] {1, 2, 3}, 2, 2),
            "Cannot reshape an array of size 3 into shape (2, 2)"),
        Arguments.of((Runnable) () -> a.getFloat(1), "An array of shape (2, 3) needs 2 indices. Received: 1"),
        Arguments.of((Runnable) () -> a.toArray(float[][][].class),
            "Cannot convert an array of shape (2, 3) (rank 2) to float[][][] (rank 3)"),
        Arguments.of((Runnable) () -> NDArray.of(new float[][] {{1, 2}, {3}}),
            "Ragged array: the element at index [1] has length 1 where 2 was expected"),
        Arguments.of((Runnable) () -> NDArray.of("text"), "Received: String"),
        Arguments.of((Runnable) () -> a.astype("float16"), "Received: dtype=float16"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("errors")
  void badArgumentsSayWhatWasExpected(Runnable call, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void indexOutOfBoundsNamesTheAxis() {
    NDArray a = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> a.getFloat(0, 3));
    assertEquals("index 3 is out of bounds for axis 1 with size 3", e.getMessage());
  }
}
