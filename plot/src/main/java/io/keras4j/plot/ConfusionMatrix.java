package io.keras4j.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Counts of true against predicted labels, as scikit-learn's {@code confusion_matrix}: entry (i, j) counts the
 * samples of true label {@code labels[i]} predicted as {@code labels[j]}.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(yTest, predicted);   // confusion_matrix(y_test, predicted)
 * double[][] rates = cm.normalize("true");                       // confusion_matrix(..., normalize="true")
 * }</pre>
 */
public final class ConfusionMatrix {
  private final int[] labels;
  private final long[][] counts;

  private ConfusionMatrix(int[] labels, long[][] counts) {
    this.labels = labels;
    this.counts = counts;
  }

  /** The matrix over the labels that occur in either array, sorted, as {@code confusion_matrix(y_true, y_pred)}. */
  public static ConfusionMatrix of(int[] yTrue, int[] yPred) {
    TreeSet<Integer> seen = new TreeSet<>();
    Arrays.stream(yTrue).forEach(seen::add);
    Arrays.stream(yPred).forEach(seen::add);
    return of(yTrue, yPred, seen.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The matrix over {@code labels} in that order, as {@code confusion_matrix(y_true, y_pred, labels=labels)};
   * samples whose true or predicted label is not listed are left out.
   */
  public static ConfusionMatrix of(int[] yTrue, int[] yPred, int[] labels) {
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException("ConfusionMatrix: y_true and y_pred must have the same length. Received: "
          + yTrue.length + " and " + yPred.length);
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("ConfusionMatrix: expected at least one label. Received: none");
    }
    if (Arrays.stream(labels).distinct().count() != labels.length) {
      throw new IllegalArgumentException("ConfusionMatrix: labels must be distinct. Received: labels="
          + Arrays.toString(labels));
    }
    long[][] counts = new long[labels.length][labels.length];
    for (int s = 0; s < yTrue.length; s++) {
      int i = indexOf(labels, yTrue[s]);
      int j = indexOf(labels, yPred[s]);
      if (i >= 0 && j >= 0) {
        counts[i][j]++;
      }
    }
    return new ConfusionMatrix(labels.clone(), counts);
  }

  /** The labels of the rows and columns. */
  public int[] labels() {
    return labels.clone();
  }

  /** The counts, rows true labels and columns predicted labels. */
  public long[][] counts() {
    long[][] out = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      out[i] = counts[i].clone();
    }
    return out;
  }

  /**
   * The counts divided by the row sums ("true"), column sums ("pred") or the total ("all"), as
   * {@code confusion_matrix(..., normalize=...)}; a row or column without samples gives zeros (sklearn's
   * {@code nan_to_num}). {@code null} or "none" gives the counts as doubles.
   */
  public double[][] normalize(String normalize) {
    String how = normalize == null ? "none" : normalize.toLowerCase(Locale.ROOT);
    if (!how.equals("true") && !how.equals("pred") && !how.equals("all") && !how.equals("none")) {
      throw new IllegalArgumentException("ConfusionMatrix: normalize must be one of 'true', 'pred', 'all' or "
          + "null. Received: normalize=" + normalize);
    }
    int n = counts.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = switch (how) {
          case "true" -> rowSum(i);
          case "pred" -> columnSum(j);
          case "all" -> total();
          default -> 1;
        };
        out[i][j] = d == 0 ? 0 : counts[i][j] / d;
      }
    }
    return out;
  }

  /** The number of samples counted. */
  public long total() {
    long t = 0;
    for (long[] row : counts) {
      for (long c : row) {
        t += c;
      }
    }
    return t;
  }

  /** The share of samples on the diagonal (the accuracy). */
  public double accuracy() {
    long diagonal = 0;
    for (int i = 0; i < counts.length; i++) {
      diagonal += counts[i][i];
    }
    return total() == 0 ? 0 : diagonal / (double) total();
  }

  private long rowSum(int i) {
    return Arrays.stream(counts[i]).sum();
  }

  private long columnSum(int j) {
    long s = 0;
    for (long[] row : counts) {
      s += row[j];
    }
    return s;
  }

  private static int indexOf(int[] labels, int label) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == label) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ConfusionMatrix(labels=" + Arrays.toString(labels) + ")\n");
    for (long[] row : counts) {
      b.append(Arrays.toString(row)).append('\n');
    }
    return b.toString();
  }
}
