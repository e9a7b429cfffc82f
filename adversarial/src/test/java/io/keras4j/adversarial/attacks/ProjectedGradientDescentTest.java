package io.keras4j.adversarial.attacks;

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
}
