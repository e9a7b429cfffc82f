package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FourierTransformTest {
  @Test
  void dftOfACosineIsTwoSpikes() {
    int n = 8;
    float[] x = new float[n];
    for (int t = 0; t < n; t++) {
      x[t] = (float) Math.cos(2 * Math.PI * 2 * t / n);
    }
    float[] f = FourierTransform.dft(x);
    // cos(2 pi 2 t / 8) has X_2 = X_6 = N/2 = 4, all else 0
    for (int k = 0; k < n; k++) {
      assertEquals(k == 2 || k == 6 ? 4.0 : 0.0, f[k], 1e-5);
      assertEquals(0.0, f[n + k], 1e-5);
    }
  }

  @Test
  void theNetworkLearnsTheTransform() {
    float[][][] r = FourierTransform.run(16, 15, 0);
    double err = FourierTransform.relativeError(r[0], r[1]);
    assertTrue(err < 0.05, "relative error " + err);
  }
}
