package io.keras4j.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart charts in matplotlib's look (white background, tab10 line colours), shared by the plot classes. */
final class Charts {
  /** matplotlib's default colour cycle, {@code tab10}. */
  static final Color[] TAB10 = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
      new Color(0x17becf)};
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  private Charts() {}

  /** An empty XY chart of matplotlib's default size (6.4 x 4.8 inches at 100 dpi). */
  static XYChart xy(String title, String xLabel, String yLabel) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title == null ? "" : title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    XYStyler s = c.getStyler();
    s.setPlotGridLinesVisible(false);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.BLACK);
    s.setSeriesColors(TAB10);
    s.setLegendPosition(Styler.LegendPosition.InsideSE);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setChartTitleBoxVisible(false);
    s.setMarkerSize(0);
    return c;
  }

  /** A solid line without markers. */
  static XYSeries line(XYChart c, String name, double[] x, double[] y) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    return s;
  }

  /** A step line with steps after each point (matplotlib's {@code drawstyle="steps-post"}). */
  static XYSeries stepsPost(XYChart c, String name, double[] x, double[] y) {
    double[] sx = new double[2 * x.length - 1];
    double[] sy = new double[2 * x.length - 1];
    for (int i = 0; i < x.length; i++) {
      sx[2 * i] = x[i];
      sy[2 * i] = y[i];
      if (i + 1 < x.length) {
        sx[2 * i + 1] = x[i + 1];
        sy[2 * i + 1] = y[i];
      }
    }
    return line(c, name, sx, sy);
  }

  /** The unit square as the axes' range, as RocCurveDisplay and PrecisionRecallDisplay set it. */
  static void unitSquare(XYChart c) {
    c.getStyler().setXAxisMin(-0.01).setXAxisMax(1.01).setYAxisMin(-0.01).setYAxisMax(1.01);
  }

  /** Checks that names, if given, match the curves one to one. */
  static void checkNames(String owner, List<?> curves, List<String> names) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException(owner + ": expected at least one curve. Received: none");
    }
    if (names != null && names.size() != curves.size()) {
      throw new IllegalArgumentException(owner + ": expected one name per curve (" + curves.size()
          + "). Received: " + names.size() + " names");
    }
  }
}
