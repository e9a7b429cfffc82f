package io.keras4j.adversarial.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Toy;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CarliniL2MethodTest {
  @Test
  void findsSmallerL2PerturbationsThanFgsmOnTheSamplesBothFool() {
    int[] labels = new int[60];
    NDArray x = Toy.blobs(60, 10, 4, labels);
    float[][] y = Utils.toCategorical(labels, 2);
    float[] clean = x.toFloatArray();
    try (Sequential m = Toy.trainedMlp(10); KerasClassifier c = new KerasClassifier(m).clipValues(0, 1)) {
      float[] cw = new CarliniL2Method(c).learningRate(0.05).maxIter(60).binarySearchSteps(6).initialConst(1)
          .batchSize(60).generate(x, y).toFloatArray();
      float[] fgsm = new FastGradientMethod(c).eps(0.25).generate(x, y).toFloatArray();
      int[] truth = Utils.argmax(y);
      int[] cwPred = Utils.argmax(c.predict(NDArray.of(cw, 60, 10)));
      int[] fgsmPred = Utils.argmax(c.predict(NDArray.of(fgsm, 60, 10)));
      int[] cleanPred = Utils.argmax(c.predict(x));
      int both = 0;
      int cwFooled = 0;
      double cwL2 = 0;
      double fgsmL2 = 0;
      for (int i = 0; i < 60; i++) {
        if (cleanPred[i] != truth[i]) {
          continue;
        }
        boolean cwOk = cwPred[i] != truth[i];
        cwFooled += cwOk ? 1 : 0;
        if (!cwOk) {
          assertArrayEquals(Arrays.copyOfRange(clean, i * 10, i * 10 + 10), Arrays.copyOfRange(cw, i * 10, i * 10 + 10),
              1e-6f, "a sample CW did not fool is returned unchanged");
        }
        if (cwOk && fgsmPred[i] != truth[i]) {
          both++;
          cwL2 += l2(cw, clean, i);
          fgsmL2 += l2(fgsm, clean, i);
        }
      }
      System.out.printf("CW fooled %d samples; on the %d both fooled, mean L2 CW %.3f vs FGSM %.3f%n", cwFooled,
          both, cwL2 / both, fgsmL2 / both);
      assertTrue(cwFooled >= 50, "CW fooled " + cwFooled + " of 60");
      assertTrue(both >= 20 && cwL2 < 0.8 * fgsmL2, "mean L2 CW " + cwL2 / both + " vs FGSM " + fgsmL2 / both);
    }
  }

  private static double l2(float[] a, float[] b, int i) {
    double s = 0;
    for (int k = i * 10; k < i * 10 + 10; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }
}
