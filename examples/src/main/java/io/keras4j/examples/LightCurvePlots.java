package io.keras4j.examples;

import io.keras4j.metrics.ClassificationReport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The light-curve example's PNG: light curves (g and r with error bars) beside their predicted class probabilities. */
public final class LightCurvePlots {
  private static final int CURVE_W = 560;
  private static final int BARS_W = 400;
  private static final int H = 300;

  private LightCurvePlots() {}

  /**
   * One row per light curve, two light curves per row of the image: the light curve (magnitudes, brighter up) and
   * a bar chart of each model's probability for every class.
   *
   * @param models the models' names, one per element of {@code probabilities}
   * @param probabilities per model, one row of class probabilities per light curve
   */
  public static void lightCurves(List<LightCurve> curves, String[] classes, String[] models, float[][][] probabilities,
      Path png) throws IOException {
    int perRow = 2;
    int rows = (curves.size() + perRow - 1) / perRow;
    BufferedImage all = new BufferedImage(perRow * (CURVE_W + BARS_W), rows * H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, all.getWidth(), all.getHeight());
    for (int k = 0; k < curves.size(); k++) {
      int x0 = (k % perRow) * (CURVE_W + BARS_W);
      int y0 = (k / perRow) * H;
      g.drawImage(BitmapEncoder.getBufferedImage(curve(curves.get(k))), x0, y0, null);
      double[][] p = new double[models.length][];
      for (int m = 0; m < models.length; m++) {
        p[m] = toDouble(probabilities[m][k]);
      }
      g.drawImage(BitmapEncoder.getBufferedImage(bars(classes, models, p)), x0 + CURVE_W, y0, null);
    }
    g.dispose();
    javax.imageio.ImageIO.write(all, "png", png.toFile());
  }

  private static XYChart curve(LightCurve lc) {
    XYChart c = new XYChartBuilder().width(CURVE_W).height(H).title(lc.id() + " (true: " + lc.label() + ", "
        + lc.size() + " detections)").xAxisTitle("days since first detection").yAxisTitle("magnitude").build();
    c.getStyler().setyAxisTickLabelsFormattingFunction(v -> String.format(Locale.US, "%.1f", -v));
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    c.getStyler().setErrorBarsColorSeriesColor(true);
    c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(12f));
    String[] names = {"g", "r"};
    Color[] colours = {new Color(0, 140, 60), new Color(200, 30, 30)};
    for (int b = 0; b < 2; b++) {
      int[] idx = lc.indices(b);
      if (idx.length == 0) {
        continue;
      }
      double[] t = new double[idx.length];
      double[] y = new double[idx.length];
      double[] e = new double[idx.length];
      for (int i = 0; i < idx.length; i++) {
        t[i] = lc.t()[idx[i]] - lc.t()[0];
        y[i] = -lc.mag()[idx[i]];
        e[i] = lc.err()[idx[i]];
      }
      XYSeries s = c.addSeries(names[b], t, y, e);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(colours[b]);
      s.setLineColor(colours[b]);
    }
    return c;
  }

  private static CategoryChart bars(String[] classes, String[] models, double[][] p) {
    CategoryChart c = new CategoryChartBuilder().width(BARS_W).height(H).title("predicted class probabilities")
        .build();
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(1.0);
    c.getStyler().setXAxisLabelRotation(45);
    c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(12f));
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    for (int m = 0; m < models.length; m++) {
      c.addSeries(models[m], List.of(classes), java.util.Arrays.stream(p[m]).boxed().toList());
    }
    return c;
  }

  /** Confusion matrices side by side (rows: true class, top to bottom; columns: predicted), counts in the cells. */
  public static void confusionMatrices(List<ClassificationReport> reports, List<String> titles, String[] classes,
      Path png) throws IOException {
    int w = 520;
    int h = 480;
    BufferedImage all = new BufferedImage(w * reports.size(), h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    List<String> predicted = List.of(classes);
    List<String> truth = new java.util.ArrayList<>(predicted);
    java.util.Collections.reverse(truth);
    for (int k = 0; k < reports.size(); k++) {
      long[][] m = reports.get(k).confusionMatrix();
      HeatMapChart c = new HeatMapChartBuilder().width(w).height(h).title(titles.get(k)).xAxisTitle("predicted")
          .yAxisTitle("true").build();
      c.getStyler().setShowValue(true);
      c.getStyler().setLegendVisible(false);
      c.getStyler().setXAxisLabelRotation(45);
      c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(12f));
      c.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(120, 160, 230), new Color(20, 50, 150)});
      List<Number[]> cells = new java.util.ArrayList<>();
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m.length; j++) {
          cells.add(new Number[] {j, m.length - 1 - i, m[i][j]});
        }
      }
      c.addSeries("counts", predicted, truth, cells);
      g.drawImage(BitmapEncoder.getBufferedImage(c), k * w, 0, null);
    }
    g.dispose();
    javax.imageio.ImageIO.write(all, "png", png.toFile());
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
