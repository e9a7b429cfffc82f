package io.keras4j.adversarial.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Toy;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

/** FGSM on a softmax regression, whose input gradient is analytic: d CE / d x = W (p - y). */
class FastGradientMethodTest {
  static final float[][] W = {{1.5f, -0.5f, 0.2f}, {-1f, 2f, 0.3f}, {0.4f, 0.1f, -1.2f}, {0.7f, -0.8f, 0.9f}};
  static final float[] B = {0.1f, -0.2f, 0.05f};
  static final float[][] X = {{0.3f, 0.6f, 0.2f, 0.9f}, {0.8f, 0.1f, 0.5f, 0.4f}, {0.5f, 0.5f, 0.9f, 0.1f}};
  static final float[][] Y = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

  /** The analytic gradient W (p - y) of sample i's cross-entropy. */
  static double[] gradient(int i) {
    double[] p = Toy.softmax(W, B, X[i]);
    double[] g = new double[4];
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < 3; j++) {
        g[k] += W[k][j] * (p[j] - Y[i][j]);
      }
    }
    return g;
  }

  @Test
  void infPerturbationIsEpsTimesTheSignOfTheGradient() {
    try (Sequential m = Toy.linear(W, B, false); KerasClassifier c = new KerasClassifier(m)) {
      for (boolean targeted : new boolean[] {false, true}) {
        float[] adv = new FastGradientMethod(c).eps(0.1).targeted(targeted).generate(NDArray.of((Object) X), Y)
            .toFloatArray();
        for (int i = 0; i < 3; i++) {
          double[] g = gradient(i);
          for (int k = 0; k < 4; k++) {
            double expected = (targeted ? -0.1 : 0.1) * Math.signum(g[k]);
            assertEquals(expected, adv[i * 4 + k] - X[i][k], 1e-6, "sample " + i + ", feature " + k);
          }
        }
      }
    }
  }

  @Test
  void l2AndL1PerturbationsFollowTheNormalizedGradient() {
    try (Sequential m = Toy.linear(W, B, false); KerasClassifier c = new KerasClassifier(m)) {
      float[] l2 = new FastGradientMethod(c).norm("2").eps(0.5).generate(NDArray.of((Object) X), Y).toFloatArray();
      float[] l1 = new FastGradientMethod(c).norm(1).eps(0.5).generate(NDArray.of((Object) X), Y).toFloatArray();
      for (int i = 0; i < 3; i++) {
        double[] g = gradient(i);
        double n2 = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3]);
        double n1 = Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]) + Math.abs(g[3]);
        for (int k = 0; k < 4; k++) {
          assertEquals(0.5 * g[k] / n2, l2[i * 4 + k] - X[i][k], 1e-5, "L2, sample " + i + ", feature " + k);
          assertEquals(0.5 * g[k] / n1, l1[i * 4 + k] - X[i][k], 1e-5, "L1, sample " + i + ", feature " + k);
        }
      }
    }
  }

  @Test
  void clipsToClipValuesAndUsesPredictionsWithoutLabels() {
    try (Sequential m = Toy.linear(W, B, false); KerasClassifier c = new KerasClassifier(m).clipValues(0.25, 0.75)) {
      float[] adv = new FastGradientMethod(c).eps(0.2).generate(NDArray.of((Object) X)).toFloatArray();
      int[] predicted = Utils.argmax(c.predict(NDArray.of((Object) X)));
      for (int i = 0; i < 3; i++) {
        double[] p = Toy.softmax(W, B, X[i]);
        for (int k = 0; k < 4; k++) {
          double g = 0;
          for (int j = 0; j < 3; j++) {
            g += W[k][j] * (p[j] - (j == predicted[i] ? 1 : 0));
          }
          double expected = Math.max(0.25, Math.min(0.75, X[i][k] + 0.2 * Math.signum(g)));
          assertEquals(expected, adv[i * 4 + k], 1e-6, "sample " + i + ", feature " + k);
        }
      }
    }
  }

  @Test
  void minimalFindsTheFirstSuccessfulMultipleOfEpsStep() {
    try (Sequential m = Toy.linear(W, B, false); KerasClassifier c = new KerasClassifier(m)) {
      NDArray x = NDArray.of((Object) X);
      int[] clean = Utils.argmax(c.predict(x));
      float[][] y = Utils.toCategorical(clean, 3);
      float[] adv = new FastGradientMethod(c).eps(2).epsStep(0.05).minimal(true).generate(x, y).toFloatArray();
      for (int i = 0; i < 3; i++) {
        double[] g = gradient(i, clean[i]);
        int steps = 0;
        float[] at;
        do {
          steps++;
          at = X[i].clone();
          for (int k = 0; k < 4; k++) {
            at[k] += (float) (steps * 0.05 * Math.signum(g[k]));
          }
        } while (argmax(Toy.logits(W, B, at)) == clean[i] && steps < 40);
        for (int k = 0; k < 4; k++) {
          assertEquals(at[k], adv[i * 4 + k], 1e-5, "sample " + i + " needs " + steps + " steps");
        }
      }
    }
  }

  private static double[] gradient(int i, int label) {
    double[] p = Toy.softmax(W, B, X[i]);
    double[] g = new double[4];
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < 3; j++) {
        g[k] += W[k][j] * (p[j] - (j == label ? 1 : 0));
      }
    }
    return g;
  }

  private static int argmax(double[] z) {
    int best = 0;
    for (int j = 1; j < z.length; j++) {
      best = z[j] > z[best] ? j : best;
    }
    return best;
  }

  @Test
  void refusesBadArguments() {
    try (Sequential m = Toy.linear(W, B, false); KerasClassifier c = new KerasClassifier(m)) {
      var e = assertThrows(IllegalArgumentException.class, () -> new FastGradientMethod(c).eps(-1));
      assertTrue(e.getMessage().contains("eps=-1.0"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new FastGradientMethod(c).batchSize(0));
      assertThrows(IllegalArgumentException.class, () -> new FastGradientMethod(c).norm("3"));
      e = assertThrows(IllegalArgumentException.class,
          () -> new FastGradientMethod(c).targeted(true).generate(NDArray.of((Object) X)));
      assertTrue(e.getMessage().contains("targeted=true"), e.getMessage());
    }
  }
}
