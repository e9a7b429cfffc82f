package io.keras4j.adversarial.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Toy;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

/** DeepFool on a linear classifier (logits x W + b), whose minimal perturbation is known in closed form. */
class DeepFoolTest {
  static final float[][] W = FastGradientMethodTest.W;
  static final float[] B = FastGradientMethodTest.B;
  static final float[][] X = FastGradientMethodTest.X;

  /**
   * The smallest L2 perturbation onto the nearest boundary: over classes k != c,
   * {@code |z_k - z_c| / ||w_k - w_c||^2 (w_k - w_c)} of smallest length.
   */
  static double[] minimalPerturbation(float[] x) {
    double[] z = Toy.logits(W, B, x);
    int c = 0;
    for (int j = 1; j < 3; j++) {
      c = z[j] > z[c] ? j : c;
    }
    double best = Double.POSITIVE_INFINITY;
    double[] r = null;
    for (int k = 0; k < 3; k++) {
      if (k == c) {
        continue;
      }
      double[] w = new double[4];
      double n2 = 0;
      for (int i = 0; i < 4; i++) {
        w[i] = W[i][k] - W[i][c];
        n2 += w[i] * w[i];
      }
      double distance = Math.abs(z[k] - z[c]) / Math.sqrt(n2);
      if (distance < best) {
        best = distance;
        r = new double[4];
        for (int i = 0; i < 4; i++) {
          r[i] = Math.abs(z[k] - z[c]) / n2 * w[i];
        }
      }
    }
    return r;
  }

  @Test
  void flipsALinearClassifierWithTheAnalyticMinimalPerturbation() {
    try (Sequential m = Toy.linear(W, B, true); KerasClassifier c = new KerasClassifier(m).useLogits(true)) {
      NDArray x = NDArray.of((Object) X);
      float[] adv = new DeepFool(c).epsilon(0.02).batchSize(2).generate(x).toFloatArray();
      int[] before = Utils.argmax(c.predict(x));
      int[] after = Utils.argmax(c.predict(NDArray.of(adv, 3, 4)));
      for (int i = 0; i < 3; i++) {
        double[] r = minimalPerturbation(X[i]);
        for (int k = 0; k < 4; k++) {
          assertEquals(1.02 * r[k], adv[i * 4 + k] - X[i][k], 1e-4, "sample " + i + ", feature " + k);
        }
        assertNotEquals(before[i], after[i], "sample " + i + " is still classified as " + before[i]);
      }
    }
  }

  @Test
  void refusesBadArguments() {
    try (Sequential m = Toy.linear(W, B, true); KerasClassifier c = new KerasClassifier(m)) {
      assertThrows(IllegalArgumentException.class, () -> new DeepFool(c).maxIter(0));
      assertThrows(IllegalArgumentException.class, () -> new DeepFool(c).epsilon(-0.1));
      assertThrows(IllegalArgumentException.class, () -> new DeepFool(c).nbGrads(0));
    }
  }
}
