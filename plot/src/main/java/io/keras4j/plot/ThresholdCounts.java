package io.keras4j.plot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * True and false positives at each distinct score, highest score first: scikit-learn's
 * {@code confusion_matrix_at_thresholds} (formerly {@code _binary_clf_curve}), shared by {@link RocCurve} and
 * {@link PrecisionRecallCurve}.
 */
final class ThresholdCounts {
  final double[] tps;
  final double[] fps;
  final double[] thresholds;

  private ThresholdCounts(double[] tps, double[] fps, double[] thresholds) {
    this.tps = tps;
    this.fps = fps;
    this.thresholds = thresholds;
  }

  /** Counts for labels {@code positive} (true: the positive class) and scores {@code score}. */
  static ThresholdCounts of(String owner, boolean[] positive, double[] score) {
    check(owner, positive, score);
    Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
    int n = score.length;
    double[] tps = new double[n];
    double[] fps = new double[n];
    double[] thr = new double[n];
    int k = 0;
    double tp = 0;
    for (int i = 0; i < n; i++) {
      tp += positive[order[i]] ? 1 : 0;
      if (i == n - 1 || score[order[i + 1]] != score[order[i]]) {
        tps[k] = tp;
        fps[k] = i + 1 - tp;
        thr[k] = score[order[i]];
        k++;
      }
    }
    return new ThresholdCounts(Arrays.copyOf(tps, k), Arrays.copyOf(fps, k), Arrays.copyOf(thr, k));
  }

  static boolean[] equalTo(int[] labels, int positiveLabel) {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] == positiveLabel;
    }
    return out;
  }

  static double[] column(float[][] scores, int j) {
    double[] out = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      if (scores[i].length <= j) {
        throw new IllegalArgumentException("Expected every row of y_score to have at least " + (j + 1)
            + " columns. Received: row " + i + " has " + scores[i].length);
      }
      out[i] = scores[i][j];
    }
    return out;
  }

  static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  private static void check(String owner, boolean[] positive, double[] score) {
    if (positive.length != score.length) {
      throw new IllegalArgumentException(owner + ": y_true and y_score must have the same length. Received: "
          + positive.length + " labels and " + score.length + " scores");
    }
    if (score.length == 0) {
      throw new IllegalArgumentException(owner + ": expected at least one sample. Received: none");
    }
    for (int i = 0; i < score.length; i++) {
      if (!Double.isFinite(score[i])) {
        throw new IllegalArgumentException(owner + ": y_score must be finite. Received: y_score[" + i + "]="
            + score[i]);
      }
    }
  }
}
