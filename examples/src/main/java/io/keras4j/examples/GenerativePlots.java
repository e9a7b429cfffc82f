package io.keras4j.examples;

import io.keras4j.callbacks.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNGs of the generative examples: loss curves, a latent space coloured by class, a grid of images in [0, 1]. */
public final class GenerativePlots {
  private GenerativePlots() {}

  /** The History entries {@code keys} per epoch in one chart. */
  public static void curves(History h, List<String> keys, String title, String yTitle, Path png) throws IOException {
    XYChart c = new XYChartBuilder().width(700).height(450).title(title).xAxisTitle("epoch").yAxisTitle(yTitle)
        .build();
    for (String key : keys) {
      List<Double> v = h.get(key);
      List<Integer> epochs = new ArrayList<>();
      for (int i = 1; i <= v.size(); i++) {
        epochs.add(i);
      }
      c.addSeries(key, epochs, v);
    }
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** Points (x, y) as a scatter plot, one colour per class. */
  public static void scatter(double[][] points, int[] labels, List<String> classes, String title, Path png)
      throws IOException {
    XYChart c = new XYChartBuilder().width(650).height(550).title(title).xAxisTitle("z[0]").yAxisTitle("z[1]")
        .build();
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(5);
    for (int k = 0; k < classes.size(); k++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == k) {
          xs.add(points[i][0]);
          ys.add(points[i][1]);
        }
      }
      if (!xs.isEmpty()) {
        c.addSeries(classes.get(k), xs, ys).setMarker(SeriesMarkers.CIRCLE);
      }
    }
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** {@code images} with values in [0, 1] as grey levels, in a grid of {@code columns}, each pixel scale x scale. */
  public static void grid(List<float[][]> images, int columns, int scale, Path png) throws IOException {
    int h = images.get(0).length;
    int w = images.get(0)[0].length;
    int rows = (images.size() + columns - 1) / columns;
    int gap = 2;
    BufferedImage out = new BufferedImage(columns * (w * scale + gap) + gap, rows * (h * scale + gap) + gap,
        BufferedImage.TYPE_INT_RGB);
    for (int k = 0; k < images.size(); k++) {
      int ox = gap + (k % columns) * (w * scale + gap);
      int oy = gap + (k / columns) * (h * scale + gap);
      float[][] img = images.get(k);
      for (int y = 0; y < h * scale; y++) {
        for (int x = 0; x < w * scale; x++) {
          int g = (int) Math.round(255 * Math.max(0, Math.min(1, img[y / scale][x / scale])));
          out.setRGB(ox + x, oy + y, g << 16 | g << 8 | g);
        }
      }
    }
    ImageIO.write(out, "png", png.toFile());
  }

  /** Image {@code i} of a flat batch of {@code size} x {@code size} images. */
  public static float[][] image(float[] batch, int i, int size) {
    float[][] img = new float[size][size];
    for (int y = 0; y < size; y++) {
      System.arraycopy(batch, (i * size + y) * size, img[y], 0, size);
    }
    return img;
  }
}
