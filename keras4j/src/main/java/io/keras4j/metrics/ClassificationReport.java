package io.keras4j.metrics;

import java.util.Locale;

/**
 * A confusion matrix and per-class precision, recall and F1 of integer predictions.
 *
 * <p>Porting note: the course prints scikit-learn's {@code confusion_matrix} and {@code classification_report};
 * this computes the same numbers on the host.
 * <pre>{@code ClassificationReport r = ClassificationReport.of(yTrue, yPred, "GALAXY", "QSO", "STAR"); System.out.println(r);}</pre>
 */
public final class ClassificationReport {
  private final String[] classes;
  private final long[][] matrix;

  private ClassificationReport(String[] classes, long[][] matrix) {
    this.classes = classes;
    this.matrix = matrix;
  }

  /** The report of true labels {@code yTrue} against predictions {@code yPred}, both class indices. */
  public static ClassificationReport of(int[] yTrue, int[] yPred, String... classes) {
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException("y_true and y_pred differ in length: " + yTrue.length + " vs " + yPred.length);
    }
    long[][] m = new long[classes.length][classes.length];
    for (int i = 0; i < yTrue.length; i++) {
      m[yTrue[i]][yPred[i]]++;
    }
    return new ClassificationReport(classes.clone(), m);
  }

  /** Row: true class, column: predicted class (scikit-learn's layout). */
  public long[][] confusionMatrix() {
    long[][] c = new long[matrix.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = matrix[i].clone();
    }
    return c;
  }

  public double precision(int k) {
    long col = 0;
    for (long[] row : matrix) {
      col += row[k];
    }
    return col == 0 ? 0 : (double) matrix[k][k] / col;
  }

  public double recall(int k) {
    long row = 0;
    for (long v : matrix[k]) {
      row += v;
    }
    return row == 0 ? 0 : (double) matrix[k][k] / row;
  }

  public double f1(int k) {
    double p = precision(k);
    double r = recall(k);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public long support(int k) {
    long row = 0;
    for (long v : matrix[k]) {
      row += v;
    }
    return row;
  }

  public double accuracy() {
    long right = 0;
    long all = 0;
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < matrix.length; j++) {
        all += matrix[i][j];
        right += i == j ? matrix[i][j] : 0;
      }
    }
    return all == 0 ? 0 : (double) right / all;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Confusion matrix (rows: true, columns: predicted)\n");
    b.append(String.format(Locale.US, "%10s", ""));
    for (String c : classes) {
      b.append(String.format(Locale.US, "%10s", c));
    }
    b.append('\n');
    for (int i = 0; i < matrix.length; i++) {
      b.append(String.format(Locale.US, "%10s", classes[i]));
      for (long v : matrix[i]) {
        b.append(String.format(Locale.US, "%10d", v));
      }
      b.append('\n');
    }
    b.append(String.format(Locale.US, "%n%10s %10s %10s %10s %10s%n", "", "precision", "recall", "f1-score", "support"));
    for (int k = 0; k < classes.length; k++) {
      b.append(String.format(Locale.US, "%10s %10.4f %10.4f %10.4f %10d%n", classes[k], precision(k), recall(k), f1(k),
          support(k)));
    }
    b.append(String.format(Locale.US, "%10s %32.4f%n", "accuracy", accuracy()));
    return b.toString();
  }
}
