package io.keras4j.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * A precision-recall curve and its average precision, as scikit-learn's {@code precision_recall_curve},
 * {@code average_precision_score} and {@code PrecisionRecallDisplay}.
 *
 * <pre>{@code
 * PrecisionRecallCurve pr = PrecisionRecallCurve.of(yTest, scores);
 * double ap = pr.averagePrecision();                // average_precision_score(y_test, scores)
 * Figure.of(pr.panel()).savefig(Path.of("pr.png"));
 * }</pre>
 *
 * <p>Follows sklearn/metrics/_ranking.py with {@code drop_intermediate=False}: one point per distinct score, in
 * order of increasing threshold, then the point (recall 0, precision 1) without a threshold. Precision where no
 * sample is predicted positive is 0; recall is 1 everywhere when there is no positive sample.
 */
public final class PrecisionRecallCurve {
  private final double[] precision;
  private final double[] recall;
  private final double[] thresholds;
  private final double prevalence;
  private String name = "Classifier";

  private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds, double prevalence) {
    this.precision = precision;
    this.recall = recall;
    this.thresholds = thresholds;
    this.prevalence = prevalence;
  }

  /** The curve of binary labels {@code yTrue} (0/1 or -1/1; 1 is positive) and scores. */
  public static PrecisionRecallCurve of(int[] yTrue, double[] yScore) {
    return of(RocCurve.positives(yTrue), yScore);
  }

  /** {@link #of(int[], double[])} for float scores, e.g. a column of {@code model.predict}. */
  public static PrecisionRecallCurve of(int[] yTrue, float[] yScore) {
    return of(RocCurve.positives(yTrue), ThresholdCounts.toDouble(yScore));
  }

  /** The curve of {@code positive} (true: positive class) and scores. */
  public static PrecisionRecallCurve of(boolean[] positive, double[] yScore) {
    ThresholdCounts c = ThresholdCounts.of("PrecisionRecallCurve", positive, yScore);
    int n = c.tps.length;
    double tpTotal = c.tps[n - 1];
    double[] precision = new double[n + 1];
    double[] recall = new double[n + 1];
    double[] thr = new double[n];
    for (int i = 0; i < n; i++) {
      int j = n - 1 - i;
      double predicted = c.tps[j] + c.fps[j];
      precision[i] = predicted != 0 ? c.tps[j] / predicted : 0;
      recall[i] = tpTotal == 0 ? 1 : c.tps[j] / tpTotal;
      thr[i] = c.thresholds[j];
    }
    precision[n] = 1;
    recall[n] = 0;
    return new PrecisionRecallCurve(precision, recall, thr, tpTotal / positive.length);
  }

  /** One curve per class, class k against the rest with score {@code yScore[i][k]}, named after the class index. */
  public static List<PrecisionRecallCurve> oneVsRest(int[] yTrue, float[][] yScore) {
    List<PrecisionRecallCurve> out = new ArrayList<>();
    int classes = yScore.length == 0 ? 0 : yScore[0].length;
    for (int k = 0; k < classes; k++) {
      out.add(of(ThresholdCounts.equalTo(yTrue, k), ThresholdCounts.column(yScore, k)).name("class " + k));
    }
    return out;
  }

  /**
   * Average precision, the step-function integral sum over n of (R_n - R_{n-1}) P_n, as
   * {@code average_precision_score} (not the trapezoidal area, which is optimistic).
   */
  public double averagePrecision() {
    double ap = 0;
    for (int i = 0; i + 1 < recall.length; i++) {
      ap -= (recall[i + 1] - recall[i]) * precision[i];
    }
    return Math.max(0, ap);
  }

  /** Precision at each threshold, then 1. */
  public double[] precision() {
    return precision.clone();
  }

  /** Recall at each threshold (decreasing), then 0. */
  public double[] recall() {
    return recall.clone();
  }

  /** The distinct scores, increasing; one fewer than the points. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** The legend's name of the curve, as PrecisionRecallDisplay's {@code name}. Default: "Classifier". */
  public PrecisionRecallCurve name(String name) {
    this.name = name;
    return this;
  }

  /** This curve with the chance level (the share of positives), as {@code PrecisionRecallDisplay}. */
  public Panel panel() {
    return panel("Precision-Recall curve", List.of(this));
  }

  /** Several curves on one set of axes, each a step line labelled "name (AP = 0.87)". */
  public static Panel panel(String title, List<PrecisionRecallCurve> curves) {
    Charts.checkNames("PrecisionRecallCurve", curves, null);
    XYChart c = Charts.xy(title, "Recall", "Precision");
    for (PrecisionRecallCurve p : curves) {
      // PrecisionRecallDisplay draws drawstyle="steps-post" along decreasing recall
      Charts.stepsPost(c, String.format(Locale.ROOT, "%s (AP = %.2f)", p.name, p.averagePrecision()), p.recall,
          p.precision);
    }
    if (curves.size() == 1) {
      double level = curves.get(0).prevalence;
      Charts.line(c, String.format(Locale.ROOT, "Chance level (AP = %.2f)", level), new double[] {0, 1},
          new double[] {level, level}).setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH)
          .setLineColor(java.awt.Color.BLACK);
    }
    Charts.unitSquare(c);
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
    return Panel.of(c);
  }
}
