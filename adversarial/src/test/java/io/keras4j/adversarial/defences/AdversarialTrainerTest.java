package io.keras4j.adversarial.defences;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Toy;
import io.keras4j.adversarial.Utils;
import io.keras4j.adversarial.attacks.FastGradientMethod;
import io.keras4j.adversarial.attacks.ProjectedGradientDescent;
import io.keras4j.backend.Backend;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A toy problem with one robust feature (class means 0.2 and 0.8) and nine weak ones (means 0.4 and 0.6): a model
 * trained on clean data leans on the weak features, which an L-inf attack of 0.15 reverses; one trained on
 * adversarial examples learns to trust the robust feature.
 */
class AdversarialTrainerTest {
  static NDArray data(int n, long seed, int[] labels) {
    Random r = new Random(seed);
    float[] v = new float[n * 10];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      double s = labels[i] == 1 ? 1 : -1;
      v[i * 10] = (float) (0.5 + 0.3 * s + 0.1 * r.nextGaussian());
      for (int k = 1; k < 10; k++) {
        v[i * 10 + k] = (float) (0.5 + 0.1 * s + 0.1 * r.nextGaussian());
      }
    }
    return NDArray.of(v, n, 10);
  }

  /** Accuracy under a 10-step PGD attack of L-inf radius 0.15. */
  static double robustAccuracy(KerasClassifier c, NDArray x, float[][] y) {
    NDArray adv = new ProjectedGradientDescent(c).eps(0.15).epsStep(0.05).maxIter(10).batchSize(200).generate(x, y);
    return Utils.accuracy(c.predict(adv), y);
  }

  @Test
  void adversarialTrainingImprovesRobustAccuracy() {
    int[] trainLabels = new int[400];
    NDArray x = data(400, 1, trainLabels);
    float[][] y = Utils.toCategorical(trainLabels, 2);
    int[] testLabels = new int[400];
    NDArray xTest = data(400, 2, testLabels);
    float[][] yTest = Utils.toCategorical(testLabels, 2);
    Backend.setRandomSeed(8);
    try (Sequential plain = Toy.mlp(10); Sequential robust = Toy.mlp(10);
        KerasClassifier a = new KerasClassifier(plain); KerasClassifier b = new KerasClassifier(robust)) {
      robust.setWeights(plain.getWeights());
      a.fit(x, y, 50, 15);
      ProjectedGradientDescent pgd = new ProjectedGradientDescent(b).eps(0.15).epsStep(0.05).maxIter(5);
      new AdversarialTrainer(b, pgd, new FastGradientMethod(b).eps(0.15)).ratio(0.5).fit(x, y, 50, 15);
      double plainRobust = robustAccuracy(a, xTest, yTest);
      double trainedRobust = robustAccuracy(b, xTest, yTest);
      double plainClean = Utils.accuracy(a.predict(xTest), yTest);
      double trainedClean = Utils.accuracy(b.predict(xTest), yTest);
      System.out.printf("clean accuracy %.3f -> %.3f; PGD accuracy %.3f -> %.3f with adversarial training%n",
          plainClean, trainedClean, plainRobust, trainedRobust);
      assertTrue(plainClean > 0.95 && trainedClean > 0.9, "clean accuracy " + plainClean + ", " + trainedClean);
      assertTrue(trainedRobust > plainRobust + 0.1 && trainedRobust > 0.88, "robust accuracy " + plainRobust + " -> " + trainedRobust);
    }
  }

  @Test
  void madryPgdTrainingImprovesRobustAccuracy() {
    int[] trainLabels = new int[400];
    NDArray x = data(400, 3, trainLabels);
    float[][] y = Utils.toCategorical(trainLabels, 2);
    int[] testLabels = new int[400];
    NDArray xTest = data(400, 4, testLabels);
    float[][] yTest = Utils.toCategorical(testLabels, 2);
    Backend.setRandomSeed(9);
    try (Sequential m = Toy.mlp(10); KerasClassifier c = new KerasClassifier(m)) {
      double before = robustAccuracy(c, xTest, yTest);
      new AdversarialTrainerMadryPGD(c).eps(0.15).epsStep(0.05).maxIter(5).nbEpochs(15).batchSize(50).fit(x, y);
      double after = robustAccuracy(c, xTest, yTest);
      System.out.printf("Madry PGD training: PGD accuracy %.3f -> %.3f%n", before, after);
      assertTrue(after > 0.8, "robust accuracy after Madry training " + after);
    }
  }

  @Test
  void refusesBadArguments() {
    try (Sequential m = Toy.mlp(3); KerasClassifier c = new KerasClassifier(m)) {
      assertThrows(IllegalArgumentException.class, () -> new AdversarialTrainer(c));
      var e = assertThrows(IllegalArgumentException.class,
          () -> new AdversarialTrainer(c, new FastGradientMethod(c)).ratio(0));
      assertTrue(e.getMessage().contains("ratio=0.0"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new AdversarialTrainerMadryPGD(c).nbEpochs(0));
    }
  }
}
