package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-detection features, zero padding and the mask. */
class LightCurveEncodingTest {
  private static final LightCurve LC = new LightCurve("a", "SN Ia", new double[] {100, 101, 104.5},
      new int[] {LightCurve.G, LightCurve.R, LightCurve.G}, new double[] {19, 18, 17}, new double[] {0.1, 0.05, 0.02});

  @Test
  void featuresOfEachDetectionThenZeroPadding() {
    float[][][] x = LightCurveEncoding.sequences(List.of(LC), 5);
    // median magnitude 18; dt 0, 1, 3.5 days; days since the first 0, 1, 4.5
    assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0.5f}, x[0][0], 1e-6f);
    assertArrayEquals(new float[] {(float) (Math.log(2) / 3), 0.01f, 0, 1, 0, 0.25f}, x[0][1], 1e-6f);
    assertArrayEquals(new float[] {(float) (Math.log(4.5) / 3), 0.045f, 1, 0, -1, 0.1f}, x[0][2], 1e-6f);
    assertArrayEquals(new float[6], x[0][3]);
    assertArrayEquals(new float[6], x[0][4]);
    float[][][] m = LightCurveEncoding.mask(List.of(LC), 5);
    assertArrayEquals(new float[] {1}, m[0][2]);
    assertArrayEquals(new float[] {0}, m[0][3]);
  }

  @Test
  void longerLightCurvesAreCutToTheirFirstDetections() {
    float[][][] x = LightCurveEncoding.sequences(List.of(LC), 2);
    assertEquals(2, x[0].length);
    // the median is that of the two kept detections: 18.5
    assertEquals(0.5f, x[0][0][4], 1e-6f);
    assertEquals(2, LC.first(2).size());
  }

  @Test
  void labelsAreClassIndices() {
    assertArrayEquals(new int[] {0}, LightCurveEncoding.labels(List.of(LC), LightCurveSimulator.CLASSES));
    assertArrayEquals(new int[] {-1}, LightCurveEncoding.labels(List.of(LC), new String[] {"AGN"}));
  }
}
