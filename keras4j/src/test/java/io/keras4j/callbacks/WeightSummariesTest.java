package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** TensorBoard's histogram buckets and Keras' weight images, on values worked out by hand. */
class WeightSummariesTest {
  @Test
  void bucketsSplitMinToMaxEvenlyAndPutTheMaximumInTheLast() {
    // 0..4 in 4 buckets of width 1: [0,1) holds 0 and 0.5, [1,2) holds 1, [3,4] holds 3.5 and 4
    double[][] b = WeightSummaries.buckets(new double[] {0, 0.5, 1, 3.5, 4}, 4);
    assertArrayEquals(new double[] {0, 1, 2}, b[0]);
    assertArrayEquals(new double[] {1, 2, 1}, b[1]);
    assertArrayEquals(new double[] {2, 3, 0}, b[2]);
    assertArrayEquals(new double[] {3, 4, 2}, b[3]);
  }

  @Test
  void oneRepeatedValueAndNoData() {
    double[][] b = WeightSummaries.buckets(new double[] {2, 2, 2}, 3);
    assertArrayEquals(new double[] {2, 2, 0}, b[0]);
    assertArrayEquals(new double[] {2, 2, 3}, b[2]);
    double[][] empty = WeightSummaries.buckets(new double[0], 30);
    assertEquals(30, empty.length);
    assertArrayEquals(new double[] {0, 0, 0}, empty[29]);
  }

  @Test
  void pixelsAreClippedAndTruncatedAsConvertImageDtype() {
    // checked in TensorFlow 2.21: convert_image_dtype([-0.3, 0.003, 0.5, 0.99, 0.999, 1.5], uint8, saturate=True)
    int[] expected = {0, 0, 127, 252, 255, 255};
    float[] in = {-0.3f, 0.003f, 0.5f, 0.99f, 0.999f, 1.5f};
    for (int i = 0; i < in.length; i++) {
      assertEquals(expected[i], WeightSummaries.toUint8(in[i]), "value " + in[i]);
    }
  }

  @Test
  void imageShapesFollowKeras() {
    // a 4 x 2 kernel is transposed to 2 rows of 4
    WeightSummaries.Images m = WeightSummaries.images(new float[8], new long[] {4, 2});
    assertEquals(4, m.width());
    assertEquals(2, m.height());
    // a bias of 3 is a column
    WeightSummaries.Images v = WeightSummaries.images(new float[3], new long[] {3});
    assertEquals(1, v.width());
    assertEquals(3, v.height());
    // a Conv1D kernel (3, 2, 5): one 3 x 2 image per filter, at most 3
    WeightSummaries.Images c = WeightSummaries.images(new float[30], new long[] {3, 2, 5});
    assertEquals(2, c.width());
    assertEquals(3, c.height());
    assertEquals(3, c.pngs().size());
    // a Conv2D kernel (3, 3, 2, 8): 8 channels is no image, as in Keras; a scalar neither
    assertNull(WeightSummaries.images(new float[144], new long[] {3, 3, 2, 8}));
    assertNull(WeightSummaries.images(new float[1], new long[] {1, 1}));
  }

  @Test
  void rank3WeightsShowEachFilterAsAnImage() {
    // (2, 1, 2) squeezes to (2, 2): values [[a, b], [c, d]] row-major = {0, 0.2, 0.4, 0.6}; no transpose (2 > 2 false)
    float[] w = {0f, 0.2f, 0.4f, 0.6f};
    byte[] pixels = PngPixels.grey(WeightSummaries.images(w, new long[] {2, 1, 2}).pngs().get(0), 2, 2);
    assertArrayEquals(new byte[] {0, (byte) 51, (byte) 102, (byte) 153}, pixels);
    // (2, 2, 2) transposed to filters first: filter 0 is w[i][j][0]
    float[] conv = {0f, 0.9f, 0.2f, 0.9f, 0.4f, 0.9f, 0.6f, 0.9f};
    byte[] first = PngPixels.grey(WeightSummaries.images(conv, new long[] {2, 2, 2}).pngs().get(0), 2, 2);
    assertArrayEquals(new byte[] {0, (byte) 51, (byte) 102, (byte) 153}, first);
  }
}
