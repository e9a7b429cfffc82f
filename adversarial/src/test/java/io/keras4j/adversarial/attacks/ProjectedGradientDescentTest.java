package io.keras4j.adversarial.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Toy;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

class ProjectedGradientDescentTest {
  @Test
  void staysInsideItsEpsBallAndClipValuesAndBeatsFgsm() {
    int[] labels = new int[200];
    NDArray x = Toy.blobs(200, 10, 2, labels);
    float[][] y = Utils.toCategorical(labels, 2);
    float[] clean = x.toFloatArray();
    try (Sequential m = Toy.trainedMlp(10); KerasClassifier c = new KerasClassifier(m).clipValues(0, 1)) {
      double accuracy = Utils.accuracy(c.predict(x), y);
      assertTrue(accuracy > 0.95, "clean accuracy " + accuracy);
      for (String norm : new String[] {"inf", "2"}) {
        double eps = norm.equals("inf") ? 0.2 : 0.6;
        for (int randomInit : new int[] {0, 1}) {
          NDArray adv = new ProjectedGradientDescent(c).norm(norm).eps(eps).epsStep(eps / 4).maxIter(10)
              .numRandomInit(randomInit).batchSize(64).generate(x, y);
          float[] a = adv.toFloatArray();
          float[] delta = new float[a.length];
          for (int k = 0; k < a.length; k++) {
            assertTrue(a[k] >= 0 && a[k] <= 1, "clip_values: " + a[k]);
            delta[k] = a[k] - clean[k];
          }
          for (int i = 0; i < 200; i++) {
            double r = Utils.norm(delta, i, 10, Utils.parseNorm(norm, "test"));
            assertTrue(r <= eps + 1e-5, norm + ": |delta| = " + r + " > eps = " + eps);
          }
          double robust = Utils.accuracy(c.predict(adv), y);
          double fgsm = Utils.accuracy(c.predict(new FastGradientMethod(c).norm(norm).eps(eps).generate(x, y)), y);
          System.out.printf("PGD norm %s eps %.2f random init %d: accuracy %.3f (FGM %.3f, clean %.3f)%n", norm, eps,
              randomInit, robust, fgsm, accuracy);
          // on a nearly linear model one signed step is close to optimal: PGD does at least as well as FGM
          assertTrue(robust <= fgsm + 0.03 && robust < accuracy - 0.3, "PGD accuracy " + robust + ", FGM " + fgsm);
        }
      }
    }
  }

  @Test
  void targetedReachesTheTargetClassInsideTheBall() {
    float[][] x = FastGradientMethodTest.X;
    try (Sequential m = Toy.linear(FastGradientMethodTest.W, FastGradientMethodTest.B, false);
        KerasClassifier c = new KerasClassifier(m)) {
      int[] clean = Utils.argmax(c.predict(NDArray.of((Object) x)));
      int[] target = new int[3];
      for (int i = 0; i < 3; i++) {
        target[i] = (clean[i] + 1) % 3;
      }
      float[] adv = new ProjectedGradientDescent(c).norm("2").eps(3).epsStep(0.2).maxIter(60).targeted(true)
          .generate(NDArray.of((Object) x), Utils.toCategorical(target, 3)).toFloatArray();
      for (int i = 0; i < 3; i++) {
        float[] a = java.util.Arrays.copyOfRange(adv, i * 4, i * 4 + 4);
        float[] delta = new float[4];
        for (int k = 0; k < 4; k++) {
          delta[k] = a[k] - x[i][k];
        }
        assertTrue(Utils.norm(delta, 0, 4, 2) <= 3 + 1e-5, "L2 of sample " + i);
        // the class is read off plain-Java logits, not the model
        double[] z = Toy.logits(FastGradientMethodTest.W, FastGradientMethodTest.B, a);
        int reached = 0;
        for (int j = 1; j < 3; j++) {
          reached = z[j] > z[reached] ? j : reached;
        }
        assertEquals(target[i], reached, "sample " + i + " moved from class " + clean[i]);
      }
    }
  }
}
