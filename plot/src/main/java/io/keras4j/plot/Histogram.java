package io.keras4j.plot;

import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Counts of values in equal-width bins, and their bar chart: {@code numpy.histogram} and {@code plt.hist}.
 *
 * <pre>{@code
 * Histogram h = new Histogram(scores).bins(20);      // counts, edges = np.histogram(scores, bins=20)
 * long[] counts = h.counts();
 * Figure.of(h.panel()).savefig(Path.of("scores.png"));
 * }</pre>
 *
 * <p>As numpy: the bins split [min, max] (or {@link #range}) evenly; each bin holds values from its left edge up to
 * but not including its right edge, except the last, which also holds its right edge; values outside the range are
 * not counted. All-equal values get the range [v - 0.5, v + 0.5].
 */
public final class Histogram {
  private final double[] values;
  private int bins = 10;
  private double[] range;
  private String title = "";
  private String xLabel = "";
  private String label = "data";

  /** A histogram of {@code values} (NaN is not allowed, as numpy). */
  public Histogram(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("Histogram: values must be finite. Received: values[" + i + "]="
            + values[i]);
      }
    }
    this.values = values.clone();
  }

  /** A histogram of float values, e.g. a model's outputs. */
  public Histogram(float[] values) {
    this(ThresholdCounts.toDouble(values));
  }

  /** The number of equal-width bins. Default: 10, as {@code np.histogram} and {@code plt.hist}. */
  public Histogram bins(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("Histogram: bins must be at least 1. Received: bins=" + bins);
    }
    this.bins = bins;
    return this;
  }

  /** The lower and upper edge of the bins. Default: the values' minimum and maximum. */
  public Histogram range(double lower, double upper) {
    if (!(lower < upper)) {
      throw new IllegalArgumentException("Histogram: range must have lower < upper. Received: range=(" + lower
          + ", " + upper + ")");
    }
    this.range = new double[] {lower, upper};
    return this;
  }

  /** The chart's title. Default: none. */
  public Histogram title(String title) {
    this.title = title;
    return this;
  }

  /** The x axis title. Default: none. */
  public Histogram xlabel(String xLabel) {
    this.xLabel = xLabel;
    return this;
  }

  /** The legend's name of the bars. Default: "data". */
  public Histogram label(String label) {
    this.label = label;
    return this;
  }

  /** The {@code bins + 1} bin edges, increasing. */
  public double[] edges() {
    double lo = range != null ? range[0] : Arrays.stream(values).min().orElse(0);
    double hi = range != null ? range[1] : Arrays.stream(values).max().orElse(1);
    if (lo == hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    // numpy.linspace: i * step + lo, the last edge exactly hi
    double step = (hi - lo) / bins;
    double[] e = new double[bins + 1];
    for (int i = 0; i < bins; i++) {
      e[i] = i * step + lo;
    }
    e[bins] = hi;
    return e;
  }

  /** The number of values in each bin. */
  public long[] counts() {
    double[] e = edges();
    long[] c = new long[bins];
    for (double v : values) {
      if (v < e[0] || v > e[bins]) {
        continue;
      }
      int i = (int) ((v - e[0]) / (e[bins] - e[0]) * bins);
      i = Math.min(i, bins - 1);
      // the float division may land one bin off near an edge: move to the bin whose edges hold v
      while (i > 0 && v < e[i]) {
        i--;
      }
      while (i < bins - 1 && v >= e[i + 1]) {
        i++;
      }
      c[i]++;
    }
    return c;
  }

  /** The bars, as {@code plt.hist(values, bins)}: each bin a filled step of its count. */
  public Panel panel() {
    double[] e = edges();
    long[] c = counts();
    double[] x = new double[2 * bins + 2];
    double[] y = new double[2 * bins + 2];
    x[0] = e[0];
    for (int i = 0; i < bins; i++) {
      x[2 * i + 1] = e[i];
      y[2 * i + 1] = c[i];
      x[2 * i + 2] = e[i + 1];
      y[2 * i + 2] = c[i];
    }
    x[2 * bins + 1] = e[bins];
    XYChart chart = Charts.xy(title, xLabel, "count");
    XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (%d values)", label, values.length), x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    s.setMarker(SeriesMarkers.NONE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0);
    return Panel.of(chart);
  }
}
