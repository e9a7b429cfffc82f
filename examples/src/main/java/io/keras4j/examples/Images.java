package io.keras4j.examples;

import java.awt.image.BufferedImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** Grey-scale PNG panels of images (an asinh stretch, as astronomers view faint sources). */
public final class Images {
  private Images() {}

  private static double asinh(double x) {
    return Math.log(x + Math.sqrt(x * x + 1));
  }

  /** {@code images} in a grid of {@code columns}, each pixel drawn as a {@code scale} x {@code scale} block. */
  public static void grid(List<float[][]> images, int columns, int scale, Path png) throws IOException {
    int h = images.get(0).length;
    int w = images.get(0)[0].length;
    int rows = (images.size() + columns - 1) / columns;
    int gap = 4;
    BufferedImage out = new BufferedImage(columns * (w * scale + gap), rows * (h * scale + gap),
        BufferedImage.TYPE_INT_RGB);
    for (int k = 0; k < images.size(); k++) {
      float[][] img = images.get(k);
      int ox = (k % columns) * (w * scale + gap);
      int oy = (k / columns) * (h * scale + gap);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = asinh(Math.max(-2, img[y][x]) / 2.0) / asinh(20);
          int g = (int) Math.max(0, Math.min(255, 30 + 225 * v));
          int rgb = g << 16 | g << 8 | g;
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              out.setRGB(ox + x * scale + dx, oy + y * scale + dy, rgb);
            }
          }
        }
      }
    }
    ImageIO.write(out, "png", png.toFile());
  }

  /**
   * {@code images} side by side under {@code title}, each named by its entry in {@code labels}; each image is drawn
   * in units of its own noise (median subtracted, divided by 1.4826 times the median absolute deviation), so raw
   * counts of any level show as {@link #grid} shows signal-to-noise maps; NaN pixels are drawn dark red.
   */
  public static void panels(List<float[][]> images, List<String> labels, String title, int scale, Path png)
      throws IOException {
    int gap = 8;
    int top = 30;
    int bottom = 20;
    int cell = 0;
    int height = 0;
    for (float[][] img : images) {
      cell = Math.max(cell, img[0].length * scale);
      height = Math.max(height, img.length * scale);
    }
    BufferedImage out = new BufferedImage(images.size() * (cell + gap) + gap, top + height + bottom,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(title, gap, 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int k = 0; k < images.size(); k++) {
      float[][] img = images.get(k);
      double[] centreAndScale = robust(img);
      int ox = gap + k * (cell + gap);
      for (int y = 0; y < img.length; y++) {
        for (int x = 0; x < img[0].length; x++) {
          int rgb;
          if (Float.isNaN(img[y][x])) {
            rgb = 0x500000;
          } else {
            double v = (img[y][x] - centreAndScale[0]) / centreAndScale[1];
            int grey = (int) Math.max(0, Math.min(255, 30 + 225 * asinh(Math.max(-2, v) / 2.0) / asinh(20)));
            rgb = grey << 16 | grey << 8 | grey;
          }
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              out.setRGB(ox + x * scale + dx, top + y * scale + dy, rgb);
            }
          }
        }
      }
      g.drawString(labels.get(k), ox, top + height + 15);
    }
    g.dispose();
    ImageIO.write(out, "png", png.toFile());
  }

  /** Median and 1.4826 x median absolute deviation of the finite pixels (scale 1 when it is 0). */
  private static double[] robust(float[][] img) {
    double[] v = Arrays.stream(img).flatMapToDouble(r -> {
      double[] d = new double[r.length];
      for (int i = 0; i < r.length; i++) {
        d[i] = r[i];
      }
      return Arrays.stream(d);
    }).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return new double[] {0, 1};
    }
    double median = v[v.length / 2];
    double[] dev = Arrays.stream(v).map(d -> Math.abs(d - median)).sorted().toArray();
    double mad = 1.4826 * dev[dev.length / 2];
    return new double[] {median, mad > 0 ? mad : 1};
  }
}
