package io.keras4j.adversarial.defences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import org.junit.jupiter.api.Test;

class SpatialSmoothingTest {
  /**
   * A 3x3 image with a spike; edges mirrored (reflect: the row above row 0 is row 0 again). By hand, for example
   * the corner (0,0) sees 1,1,2 / 1,1,2 / 4,4,100: sorted 1,1,1,1,2,2,4,4,100, median 2; the centre sees all nine,
   * sorted 1,2,3,4,6,7,8,9,100, median 6; (0,1) sees 1,2,3 / 1,2,3 / 4,100,6: median 3. (These equal
   * scipy.ndimage.median_filter(a, size=3).)
   */
  @Test
  void medianFilterMatchesAHandComputed3x3Example() {
    NDArray x = NDArray.of(new float[] {1, 2, 3, 4, 100, 6, 7, 8, 9}, 1, 3, 3, 1);
    float[] out = new SpatialSmoothing().apply(x, null).x().toFloatArray();
    assertArrayEquals(new float[] {2, 3, 3, 4, 6, 6, 7, 8, 9}, out, 0f);
  }

  /** An even window covers the pixel and the ones before it, and takes the upper middle value. */
  @Test
  void evenWindowAndChannelsFirst() {
    // 3x4 image 1..12, window 2: (1,1) sees 1,2,5,6 -> sorted index 2 -> 5; (0,0) sees 1,1,1,1 -> 1
    float[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    float[] expected = {1, 2, 3, 4, 5, 5, 6, 7, 9, 9, 10, 11};
    assertArrayEquals(expected, new SpatialSmoothing().windowSize(2).apply(NDArray.of(img, 1, 3, 4, 1), null).x()
        .toFloatArray(), 0f);
    // the same image as channel 1 of two, channels first; channel 0 is constant
    float[] two = new float[24];
    java.util.Arrays.fill(two, 0, 12, 7);
    System.arraycopy(img, 0, two, 12, 12);
    float[] out = new SpatialSmoothing().windowSize(2).channelsFirst(true).apply(NDArray.of(two, 1, 2, 3, 4), null)
        .x().toFloatArray();
    assertArrayEquals(expected, java.util.Arrays.copyOfRange(out, 12, 24), 0f);
    assertArrayEquals(new float[] {7, 7, 7}, java.util.Arrays.copyOfRange(out, 0, 3), 0f);
  }

  @Test
  void refusesBadArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new SpatialSmoothing().windowSize(0));
    assertTrue(e.getMessage().contains("window_size=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SpatialSmoothing().apply(NDArray.of(new float[4], 2,
        2), null));
    assertTrue(e.getMessage().contains("rank 4"), e.getMessage());
  }
}
