package io.keras4j.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * A receiver operating characteristic curve and its area, as scikit-learn's {@code roc_curve}, {@code auc} and
 * {@code RocCurveDisplay}.
 *
 * <pre>{@code
 * RocCurve roc = RocCurve.of(yTest, scores);        // fpr, tpr, thresholds = roc_curve(y_test, scores)
 * double area = roc.auc();                          // auc(fpr, tpr)
 * Figure.of(roc.panel()).savefig(Path.of("roc.png"));
 * }</pre>
 *
 * <p>Follows sklearn/metrics/_ranking.py ({@code roc_curve} with {@code drop_intermediate=True}): the thresholds are
 * the distinct scores, highest first, after a first threshold of +infinity where the curve starts at (0, 0); a
 * sample is predicted positive when its score is at least the threshold.
 */
public final class RocCurve {
  private final double[] fpr;
  private final double[] tpr;
  private final double[] thresholds;
  private String name = "Classifier";

  private RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
    this.fpr = fpr;
    this.tpr = tpr;
    this.thresholds = thresholds;
  }

  /** The curve of binary labels {@code yTrue} (0/1 or -1/1; 1 is positive) and scores, as {@code roc_curve}. */
  public static RocCurve of(int[] yTrue, double[] yScore) {
    return of(positives(yTrue), yScore, true);
  }

  /** {@link #of(int[], double[])} for float scores, e.g. a column of {@code model.predict}. */
  public static RocCurve of(int[] yTrue, float[] yScore) {
    return of(positives(yTrue), ThresholdCounts.toDouble(yScore), true);
  }

  /**
   * The curve of {@code positive} (true: positive class) and scores; {@code dropIntermediate} drops thresholds at
   * collinear points, as {@code roc_curve(..., drop_intermediate=...)} (Keras users get {@code True} by default).
   */
  public static RocCurve of(boolean[] positive, double[] yScore, boolean dropIntermediate) {
    ThresholdCounts c = ThresholdCounts.of("RocCurve", positive, yScore);
    int[] keep = dropIntermediate && c.fps.length > 2 ? corners(c) : all(c.fps.length);
    int n = keep.length + 1;
    double[] fpr = new double[n];
    double[] tpr = new double[n];
    double[] thr = new double[n];
    thr[0] = Double.POSITIVE_INFINITY;
    double fpTotal = c.fps[c.fps.length - 1];
    double tpTotal = c.tps[c.tps.length - 1];
    for (int k = 0; k < keep.length; k++) {
      fpr[k + 1] = fpTotal <= 0 ? Double.NaN : c.fps[keep[k]] / fpTotal;
      tpr[k + 1] = tpTotal <= 0 ? Double.NaN : c.tps[keep[k]] / tpTotal;
      thr[k + 1] = c.thresholds[keep[k]];
    }
    fpr[0] = fpTotal <= 0 ? Double.NaN : 0;
    tpr[0] = tpTotal <= 0 ? Double.NaN : 0;
    return new RocCurve(fpr, tpr, thr);
  }

  /**
   * One curve per class of a multi-class problem, class k against the rest with score {@code yScore[i][k]}: the
   * one-vs-rest curves of sklearn's multi-class ROC example. Each curve is named after its class index.
   */
  public static List<RocCurve> oneVsRest(int[] yTrue, float[][] yScore) {
    List<RocCurve> out = new ArrayList<>();
    int classes = yScore.length == 0 ? 0 : yScore[0].length;
    for (int k = 0; k < classes; k++) {
      out.add(of(ThresholdCounts.equalTo(yTrue, k), ThresholdCounts.column(yScore, k), true).name("class " + k));
    }
    return out;
  }

  /** The mean of the one-vs-rest AUCs: {@code roc_auc_score(y, p, multi_class="ovr", average="macro")}. */
  public static double aucOneVsRest(int[] yTrue, float[][] yScore) {
    return oneVsRest(yTrue, yScore).stream().mapToDouble(RocCurve::auc).average().orElse(Double.NaN);
  }

  /**
   * Area under the curve by the trapezoidal rule, as {@code auc(fpr, tpr)}; equals {@code roc_auc_score}: the
   * chance that a random positive scores above a random negative (ties counted half).
   */
  public double auc() {
    return trapezoid(fpr, tpr);
  }

  /** False positive rate at each threshold (increasing). */
  public double[] fpr() {
    return fpr.clone();
  }

  /** True positive rate at each threshold (increasing). */
  public double[] tpr() {
    return tpr.clone();
  }

  /** The thresholds, decreasing; the first is +infinity. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** The legend's name of the curve, as RocCurveDisplay's {@code name}. Default: "Classifier". */
  public RocCurve name(String name) {
    this.name = name;
    return this;
  }

  /** The legend's name of the curve. */
  public String name() {
    return name;
  }

  /** This curve with the chance line, as {@code RocCurveDisplay.from_predictions(..., plot_chance_level=True)}. */
  public Panel panel() {
    return panel("ROC curve", List.of(this));
  }

  /** Several curves on one set of axes (e.g. {@link #oneVsRest}), each labelled "name (AUC = 0.93)". */
  public static Panel panel(String title, List<RocCurve> curves) {
    Charts.checkNames("RocCurve", curves, null);
    XYChart c = Charts.xy(title, "False Positive Rate", "True Positive Rate");
    for (RocCurve r : curves) {
      Charts.line(c, String.format(Locale.ROOT, "%s (AUC = %.2f)", r.name, r.auc()), r.fpr, r.tpr);
    }
    Charts.line(c, "Chance level (AUC = 0.5)", new double[] {0, 1}, new double[] {0, 1})
        .setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH).setLineColor(java.awt.Color.BLACK);
    Charts.unitSquare(c);
    return Panel.of(c);
  }

  static double trapezoid(double[] x, double[] y) {
    double area = 0;
    for (int i = 1; i < x.length; i++) {
      area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    }
    return area;
  }

  /** Indices kept by drop_intermediate: the ends and every point where fps or tps bends. */
  private static int[] corners(ThresholdCounts c) {
    int n = c.fps.length;
    int[] keep = new int[n];
    int k = 0;
    keep[k++] = 0;
    for (int i = 1; i < n - 1; i++) {
      double d2f = c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1];
      double d2t = c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1];
      if (d2f != 0 || d2t != 0) {
        keep[k++] = i;
      }
    }
    keep[k++] = n - 1;
    return Arrays.copyOf(keep, k);
  }

  private static int[] all(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Positive flags of binary labels: 1 is positive; the labels must be 0/1 or -1/1, as sklearn's pos_label=None. */
  static boolean[] positives(int[] yTrue) {
    boolean[] out = new boolean[yTrue.length];
    for (int i = 0; i < yTrue.length; i++) {
      if (yTrue[i] != 0 && yTrue[i] != 1 && yTrue[i] != -1) {
        throw new IllegalArgumentException("Expected binary labels 0/1 or -1/1 (1 is the positive class); use "
            + "oneVsRest for more classes. Received: y_true[" + i + "]=" + yTrue[i]);
      }
      out[i] = yTrue[i] == 1;
    }
    return out;
  }
}
