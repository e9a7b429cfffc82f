package io.keras4j.examples;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.adversarial.attacks.EvasionAttack;
import io.keras4j.adversarial.attacks.FastGradientMethod;
import io.keras4j.adversarial.attacks.ProjectedGradientDescent;
import io.keras4j.adversarial.defences.AdversarialTrainer;
import io.keras4j.adversarial.defences.FeatureSqueezing;
import io.keras4j.adversarial.defences.FeatureSqueezingDetector;
import io.keras4j.adversarial.defences.GaussianAugmentation;
import io.keras4j.adversarial.defences.Preprocessor;
import io.keras4j.adversarial.defences.SpatialSmoothing;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Accuracy of one classifier under FGSM and PGD at three strengths, without and with each defence, for
 * {@link AdversarialRobustness}.
 *
 * <p>Preprocessing defences (spatial smoothing, feature squeezing) filter the examples crafted against the
 * undefended model (the attacker does not know the filter); the training defences (Gaussian augmentation,
 * adversarial training with PGD) are new models, attacked directly (white box). The last column is the fraction
 * of examples that the feature-squeezing detector flags at a 5% false positive rate on clean data.
 */
final class RobustnessTable {
  static final String[] COLUMNS = {"no defence", "Gaussian augmentation", "spatial smoothing", "feature squeezing",
      "adversarial training (PGD)", "flagged by squeezing detector"};
  static final String[] STRENGTHS = {"low", "medium", "high"};
  static final int BATCH = 32;

  /** One row: an attack at one strength (eps 0 for clean data), accuracies per column (NaN: not applicable). */
  record Row(String attack, String strength, double eps, double[] values) {}

  /** What the table is computed from: data, how to build a compiled model, eps per strength, the defences. */
  record Setup(Supplier<Sequential> model, NDArray xTrain, float[][] yTrain, NDArray xTest, float[][] yTest,
      float[] clip, double[] eps, double sigma, int bitDepth, boolean images, int epochs) {}

  private RobustnessTable() {}

  static List<Row> compute(Setup s) {
    try (Sequential plain = s.model().get(); Sequential noisy = s.model().get(); Sequential robust = s.model().get();
        KerasClassifier a = classifier(plain, s); KerasClassifier g = classifier(noisy, s);
        KerasClassifier r = classifier(robust, s)) {
      a.fit(s.xTrain(), s.yTrain(), BATCH, s.epochs());
      try (KerasClassifier augmenting = g.withDefences(new GaussianAugmentation().sigma(s.sigma()).ratio(1)
          .clipValues(s.clip()[0], s.clip()[1]))) {
        augmenting.fit(s.xTrain(), s.yTrain(), BATCH, s.epochs());
      }
      double medium = s.eps()[1];
      ProjectedGradientDescent trainingAttack = new ProjectedGradientDescent(r).eps(medium).epsStep(medium / 4)
          .maxIter(5).batchSize(BATCH);
      new AdversarialTrainer(r, trainingAttack).ratio(0.5).fit(s.xTrain(), s.yTrain(), BATCH, s.epochs());

      FeatureSqueezing squeezing = new FeatureSqueezing(s.clip()[0], s.clip()[1]).bitDepth(s.bitDepth());
      Preprocessor[] squeezers = s.images() ? new Preprocessor[] {squeezing, new SpatialSmoothing().windowSize(2)}
          : new Preprocessor[] {squeezing};
      FeatureSqueezingDetector detector = new FeatureSqueezingDetector(a, squeezers).fitThreshold(s.xTest(), 0.05);
      try (KerasClassifier smoothed = a.withDefences(new SpatialSmoothing().windowSize(3));
          KerasClassifier squeezed = a.withDefences(squeezing)) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("none", "-", 0, s, s.xTest(), s.xTest(), s.xTest(), a, g, r, smoothed, squeezed, detector));
        for (String attack : new String[] {"FGSM", "PGD"}) {
          for (int k = 0; k < 3; k++) {
            double eps = s.eps()[k];
            rows.add(row(attack, STRENGTHS[k], eps, s, attack(attack, a, eps).generate(s.xTest(), s.yTest()),
                attack(attack, g, eps).generate(s.xTest(), s.yTest()),
                attack(attack, r, eps).generate(s.xTest(), s.yTest()), a, g, r, smoothed, squeezed, detector));
          }
        }
        return rows;
      }
    }
  }

  /** FGSM (one signed step of eps) or PGD (L-inf, 10 steps of eps/4 from a random start). */
  static EvasionAttack attack(String name, KerasClassifier c, double eps) {
    return name.equals("FGSM") ? new FastGradientMethod(c).eps(eps).batchSize(128)
        : new ProjectedGradientDescent(c).eps(eps).epsStep(eps / 4).maxIter(10).numRandomInit(1).batchSize(128);
  }

  private static Row row(String attack, String strength, double eps, Setup s, NDArray advPlain, NDArray advNoisy,
      NDArray advRobust, KerasClassifier a, KerasClassifier g, KerasClassifier r, KerasClassifier smoothed,
      KerasClassifier squeezed, FeatureSqueezingDetector detector) {
    float[][] y = s.yTest();
    int flagged = 0;
    for (boolean f : detector.detect(advPlain)) {
      flagged += f ? 1 : 0;
    }
    double[] v = {Utils.accuracy(a.predict(advPlain), y), Utils.accuracy(g.predict(advNoisy), y),
        s.images() ? Utils.accuracy(smoothed.predict(advPlain), y) : Double.NaN,
        Utils.accuracy(squeezed.predict(advPlain), y), Utils.accuracy(r.predict(advRobust), y),
        (double) flagged / y.length};
    return new Row(attack, strength, eps, v);
  }

  private static KerasClassifier classifier(Sequential m, Setup s) {
    return new KerasClassifier(m).clipValues(s.clip()[0], s.clip()[1]);
  }

  /** The rows as a markdown table. */
  static String markdown(String title, List<Row> rows) {
    StringBuilder b = new StringBuilder("| " + title + ": attack | strength | eps |");
    for (String c : COLUMNS) {
      b.append(' ').append(c).append(" |");
    }
    b.append("\n|---|---|---|").append("---:|".repeat(COLUMNS.length)).append('\n');
    for (Row row : rows) {
      b.append(String.format("| %s | %s | %.2f |", row.attack(), row.strength(), row.eps()));
      for (double v : row.values()) {
        b.append(Double.isNaN(v) ? " n/a |" : String.format(" %.3f |", v));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
