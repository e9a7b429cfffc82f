package io.keras4j.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
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
}
