package io.keras4j.adversarial.defences;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.data.NDArray;
import java.util.Arrays;
import java.util.List;

/**
 * Detects adversarial inputs by how much the prediction changes when the input is squeezed: the score of a sample
 * is the largest L1 distance between the classifier's probabilities on x and on each squeezed x; above the
 * threshold the sample is flagged.
 *
 * <pre>{@code
 * FeatureSqueezingDetector detector = new FeatureSqueezingDetector(classifier,
 *     new FeatureSqueezing(0, 1).bitDepth(4), new SpatialSmoothing().windowSize(2)).fitThreshold(xClean, 0.05);
 * boolean[] flagged = detector.detect(xAdv);
 * }</pre>
 *
 * <p>Reference: Xu, Evans and Qi, "Feature Squeezing: Detecting Adversarial Examples in Deep Neural Networks"
 * (NDSS 2018), whose threshold is chosen for a 5% false positive rate on clean inputs. Porting note: ART has no
 * class for this detector; its squeezers are ART's {@link FeatureSqueezing} and {@link SpatialSmoothing}.
 */
public final class FeatureSqueezingDetector {
  private final KerasClassifier classifier;
  private final List<Preprocessor> squeezers;
  private double threshold = 1.0;

  /** A detector for {@code classifier}, comparing its predictions before and after each of {@code squeezers}. */
  public FeatureSqueezingDetector(KerasClassifier classifier, Preprocessor... squeezers) {
    if (classifier == null || squeezers.length == 0) {
      throw new IllegalArgumentException("FeatureSqueezingDetector expects a classifier and at least one squeezer. "
          + "Received: classifier=" + classifier + ", " + squeezers.length + " squeezers");
    }
    this.classifier = classifier;
    this.squeezers = List.of(squeezers);
  }

  /** The L1 distance above which a sample is flagged. Default: 1.0. */
  public FeatureSqueezingDetector threshold(double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("FeatureSqueezingDetector expects threshold >= 0. Received: threshold="
          + threshold);
    }
    this.threshold = threshold;
    return this;
  }

  public double threshold() {
    return threshold;
  }

  /** Sets the threshold so that a fraction {@code falsePositiveRate} of the clean samples is flagged. */
  public FeatureSqueezingDetector fitThreshold(NDArray clean, double falsePositiveRate) {
    if (!(falsePositiveRate >= 0 && falsePositiveRate < 1)) {
      throw new IllegalArgumentException("FeatureSqueezingDetector expects a false positive rate in [0, 1). "
          + "Received: " + falsePositiveRate);
    }
    double[] s = scores(clean);
    Arrays.sort(s);
    int index = (int) Math.min(s.length - 1, Math.floor((1 - falsePositiveRate) * s.length));
    this.threshold = s[index];
    return this;
  }

  /** Each sample's largest L1 distance between the predictions on x and on a squeezed x. */
  public double[] scores(NDArray x) {
    float[][] p = classifier.predict(x);
    double[] score = new double[p.length];
    for (Preprocessor squeezer : squeezers) {
      float[][] q = classifier.predict(squeezer.apply(x, null).x());
      for (int i = 0; i < p.length; i++) {
        double l1 = 0;
        for (int j = 0; j < p[i].length; j++) {
          l1 += Math.abs(p[i][j] - q[i][j]);
        }
        score[i] = Math.max(score[i], l1);
      }
    }
    return score;
  }

  /** Whether each sample's score exceeds the threshold (flagged as adversarial). */
  public boolean[] detect(NDArray x) {
    double[] s = scores(x);
    boolean[] flagged = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      flagged[i] = s[i] > threshold;
    }
    return flagged;
  }
}
