package io.keras4j.adversarial.defences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianAugmentationTest {
  @Test
  void appendsRatioTimesNNoisyCopiesWithTheirLabels() {
    int n = 200;
    int d = 50;
    float[] v = new float[n * d];
    float[][] y = new float[n][2];
    for (int i = 0; i < n; i++) {
      Arrays.fill(v, i * d, (i + 1) * d, i);
      y[i][i % 2] = 1;
    }
    Preprocessor.Output out = new GaussianAugmentation().sigma(0.5).ratio(0.5).apply(NDArray.of(v, n, d), y);
    assertArrayEquals(new long[] {300, 50}, out.x().shape());
    assertEquals(300, out.y().length);
    float[] a = out.x().toFloatArray();
    assertArrayEquals(v, Arrays.copyOf(a, n * d), 0f);
    double sum = 0;
    double sumSq = 0;
    for (int i = n; i < 300; i++) {
      // each copy's source is the integer nearest to its mean (noise mean over 50 values: sigma / 7)
      double mean = 0;
      for (int k = 0; k < d; k++) {
        mean += a[i * d + k] / d;
      }
      int source = (int) Math.round(mean);
      assertEquals(source % 2 == 0 ? 1 : 0, out.y()[i][0], 0f, "label of copy " + i + " of sample " + source);
      for (int k = 0; k < d; k++) {
        double noise = a[i * d + k] - source;
        sum += noise;
        sumSq += noise * noise;
      }
    }
    int m = 100 * d;
    double mean = sum / m;
    double sd = Math.sqrt(sumSq / m - mean * mean);
    assertEquals(0, mean, 0.03, "noise mean");
    assertEquals(0.5, sd, 0.02, "noise standard deviation");
  }

  @Test
  void replacesTheDataWithoutAugmentationAndClips() {
    float[] v = new float[1000];
    Arrays.fill(v, 0.9f);
    Preprocessor.Output out = new GaussianAugmentation().sigma(0.2).augmentation(false).clipValues(0, 1)
        .apply(NDArray.of(v, 10, 100), null);
    assertArrayEquals(new long[] {10, 100}, out.x().shape());
    int atMax = 0;
    for (float a : out.x().toFloatArray()) {
      assertTrue(a >= 0 && a <= 1, "clipped value " + a);
      atMax += a == 1f ? 1 : 0;
    }
    // P(0.9 + N(0, 0.2) > 1) = P(Z > 0.5) = 0.3085
    assertEquals(0.3085, atMax / 1000.0, 0.05);
  }
}
