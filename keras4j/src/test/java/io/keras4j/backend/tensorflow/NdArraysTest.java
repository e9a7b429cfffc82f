package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.data.NDArray;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.StdArrays;

/** TensorFlow Java NdArrays convert to NDArrays and back, keeping shape and dtype. */
class NdArraysTest {
  @Test
  void ndArraysConvertBothWays() {
    FloatNdArray f = StdArrays.ndCopyOf(new float[][] {{1, 2, 3}, {4, 5, 6}});
    NDArray a = NDArray.of(f);
    assertEquals(NDArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}}), a);
    assertEquals(f, a.toNdArray(FloatNdArray.class));
    assertEquals(f, NdArrays.toNdArray(a.toHost()));

    LongNdArray labels = StdArrays.ndCopyOf(new long[] {3, 1});
    NDArray l = NDArray.of(labels);
    assertEquals("int64", l.dtype());
    assertArrayEquals(new long[] {3, 1}, l.toLongArray());
    assertEquals(labels, l.toNdArray(LongNdArray.class));
  }
}
