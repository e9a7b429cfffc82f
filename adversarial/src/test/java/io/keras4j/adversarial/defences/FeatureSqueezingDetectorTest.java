package io.keras4j.adversarial.defences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Toy;
import io.keras4j.adversarial.Utils;
import io.keras4j.adversarial.attacks.FastGradientMethod;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

class FeatureSqueezingDetectorTest {
  @Test
  void scoresAreL1DistancesAndTheThresholdSetsTheFalsePositiveRate() {
    int[] labels = new int[200];
    NDArray x = Toy.blobs(200, 10, 5, labels);
    try (Sequential m = Toy.trainedMlp(10); KerasClassifier c = new KerasClassifier(m).clipValues(0, 1)) {
      FeatureSqueezing squeezer = new FeatureSqueezing(0, 1).bitDepth(2);
      FeatureSqueezingDetector detector = new FeatureSqueezingDetector(c, squeezer);
      double[] scores = detector.scores(x);
      float[][] p = c.predict(x);
      float[][] q = c.predict(squeezer.apply(x, null).x());
      for (int i = 0; i < 5; i++) {
        assertEquals(Math.abs(p[i][0] - q[i][0]) + Math.abs(p[i][1] - q[i][1]), scores[i], 1e-6);
      }
      detector.fitThreshold(x, 0.1);
      int flagged = 0;
      for (boolean f : detector.detect(x)) {
        flagged += f ? 1 : 0;
      }
      assertTrue(flagged <= 20 && flagged >= 15, "flagged " + flagged + " of 200 clean samples at 10% FPR");
      NDArray adv = new FastGradientMethod(c).eps(0.15).generate(x, Utils.toCategorical(labels, 2));
      int caught = 0;
      for (boolean f : detector.detect(adv)) {
        caught += f ? 1 : 0;
      }
      System.out.printf("feature squeezing detector: %d of 200 clean and %d of 200 FGSM samples flagged%n", flagged,
          caught);
    }
  }
}
