package io.keras4j.plot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points of y against x, one colour per class: {@code plt.scatter(x, y, c=labels)}, as a Keras user draws an
 * embedding, two input features or predictions against targets.
 *
 * <pre>{@code
 * new ScatterPlot(u, v).labels(yTest).classNames("GALAXY", "QSO", "STAR").xlabel("u-g").ylabel("g-r").panel();
 * }</pre>
 */
public final class ScatterPlot {
  private final double[] x;
  private final double[] y;
  private int[] labels;
  private String[] classNames;
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private int markerSize = 4;

  /** A scatter plot of the points (x[i], y[i]). */
  public ScatterPlot(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("ScatterPlot: x and y must have the same length. Received: " + x.length
          + " and " + y.length);
    }
    this.x = x.clone();
    this.y = y.clone();
  }

  /** A scatter plot of float coordinates. */
  public ScatterPlot(float[] x, float[] y) {
    this(ThresholdCounts.toDouble(x), ThresholdCounts.toDouble(y));
  }

  /** The class of each point, which picks its colour (matplotlib's {@code c=}). Default: one class. */
  public ScatterPlot labels(int[] labels) {
    if (labels.length != x.length) {
      throw new IllegalArgumentException("ScatterPlot: expected one label per point (" + x.length + "). Received: "
          + labels.length);
    }
    this.labels = labels.clone();
    return this;
  }

  /** The legend's name of class k, {@code classNames[k]}. Default: "class k". */
  public ScatterPlot classNames(String... classNames) {
    this.classNames = classNames.clone();
    return this;
  }

  /** The chart's title. Default: none. */
  public ScatterPlot title(String title) {
    this.title = title;
    return this;
  }

  /** The x axis title. Default: none. */
  public ScatterPlot xlabel(String xLabel) {
    this.xLabel = xLabel;
    return this;
  }

  /** The y axis title. Default: none. */
  public ScatterPlot ylabel(String yLabel) {
    this.yLabel = yLabel;
    return this;
  }

  /** The marker's diameter in pixels. Default: 4. */
  public ScatterPlot markerSize(int markerSize) {
    if (markerSize < 1) {
      throw new IllegalArgumentException("ScatterPlot: markerSize must be at least 1. Received: " + markerSize);
    }
    this.markerSize = markerSize;
    return this;
  }

  /** The points, one series per class in tab10's colours. */
  public Panel panel() {
    XYChart c = Charts.xy(title, xLabel, yLabel);
    c.getStyler().setMarkerSize(markerSize).setLegendVisible(labels != null);
    for (Map.Entry<Integer, double[][]> e : byClass().entrySet()) {
      XYSeries s = c.addSeries(name(e.getKey()), e.getValue()[0], e.getValue()[1]);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    return Panel.of(c);
  }

  private Map<Integer, double[][]> byClass() {
    Map<Integer, double[][]> out = new LinkedHashMap<>();
    if (labels == null) {
      out.put(0, new double[][] {x, y});
      return out;
    }
    for (int k : new TreeSet<>(Arrays.stream(labels).boxed().toList())) {
      int[] idx = java.util.stream.IntStream.range(0, x.length).filter(i -> labels[i] == k).toArray();
      out.put(k, new double[][] {Arrays.stream(idx).mapToDouble(i -> x[i]).toArray(),
          Arrays.stream(idx).mapToDouble(i -> y[i]).toArray()});
    }
    return out;
  }

  private String name(int k) {
    if (labels == null) {
      return "data";
    }
    return classNames != null && k >= 0 && k < classNames.length ? classNames[k] : "class " + k;
  }
}
