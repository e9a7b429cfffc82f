package io.keras4j.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

class KerasClassifierTest {
  private static Sequential tanhMlp() {
    Backend.setRandomSeed(11);
    Sequential m = new Sequential();
    m.add(new Dense(6).activation("tanh").inputDim(4));
    m.add(new Dense(3).activation("softmax"));
    return m;
  }

  private static final float[][] X = {{0.2f, -0.4f, 0.9f, 0.1f}, {-0.7f, 0.3f, 0.05f, 0.6f}};
  private static final float[][] Y = {{0, 1, 0}, {0, 0, 1}};

  /** Each sample's cross-entropy, in double from float predictions. */
  private static double loss(KerasClassifier c, float[][] x, int i) {
    float[][] p = c.predict(NDArray.of((Object) x));
    double s = 0;
    for (int j = 0; j < 3; j++) {
      s -= Y[i][j] * Math.log(p[i][j]);
    }
    return s;
  }

  /** X with feature k of sample i moved by h. */
  private static float[][] shifted(int i, int k, double h) {
    float[][] x = {X[0].clone(), X[1].clone()};
    x[i][k] += (float) h;
    return x;
  }

  @Test
  void lossGradientMatchesCentralFiniteDifferences() {
    try (Sequential m = tanhMlp(); KerasClassifier c = new KerasClassifier(m)) {
      float[] g = c.lossGradient(NDArray.of((Object) X), Y).toFloatArray();
      double h = 1e-2;
      for (int i = 0; i < 2; i++) {
        for (int k = 0; k < 4; k++) {
          float[][] plus = shifted(i, k, h);
          float[][] minus = shifted(i, k, -h);
          double fd = (loss(c, plus, i) - loss(c, minus, i)) / (2 * h);
          assertEquals(fd, g[i * 4 + k], 2e-3 + 1e-2 * Math.abs(fd), "d loss_" + i + " / d x_" + k);
        }
      }
    }
  }

  @Test
  void classGradientMatchesCentralFiniteDifferencesOfEachOutput() {
    try (Sequential m = tanhMlp(); KerasClassifier c = new KerasClassifier(m)) {
      NDArray g = c.classGradient(NDArray.of((Object) X));
      assertArrayEquals(new long[] {2, 3, 4}, g.shape());
      float[] v = g.toFloatArray();
      double h = 1e-2;
      for (int i = 0; i < 2; i++) {
        for (int k = 0; k < 4; k++) {
          float[][] plus = shifted(i, k, h);
          float[][] minus = shifted(i, k, -h);
          float[][] pp = c.predict(NDArray.of((Object) plus));
          float[][] pm = c.predict(NDArray.of((Object) minus));
          for (int j = 0; j < 3; j++) {
            double fd = (pp[i][j] - pm[i][j]) / (2 * h);
            assertEquals(fd, v[(i * 3 + j) * 4 + k], 1e-3, "d p_" + j + " / d x_" + k + " of sample " + i);
          }
        }
      }
      float[] one = c.classGradient(NDArray.of((Object) X), 2).toFloatArray();
      for (int i = 0; i < 2; i++) {
        for (int k = 0; k < 4; k++) {
          assertEquals(v[(i * 3 + 2) * 4 + k], one[i * 4 + k], 0f);
        }
      }
    }
  }

  @Test
  void refusesBadArguments() {
    try (Sequential m = tanhMlp(); KerasClassifier c = new KerasClassifier(m)) {
      var e = assertThrows(IllegalArgumentException.class, () -> c.lossGradient(NDArray.of((Object) X),
          new float[][] {{1, 0}, {0, 1}}));
      assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2, 2)"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> c.clipValues(1, 0));
      assertTrue(e.getMessage().contains("clip_values=(1.0, 0.0)"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> c.classGradient(NDArray.of((Object) X), 3));
      assertEquals(3, c.nbClasses());
    }
    assertThrows(IllegalArgumentException.class, () -> new KerasClassifier(null));
  }
}
