package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScatterPlotTest {
  @Test
  void eachClassGetsTheNextColour() {
    Random r = new Random(2);
    int n = 200;
    double[] x = new double[n];
    double[] y = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      x[i] = labels[i] * 3 + r.nextGaussian();
      y[i] = r.nextGaussian();
    }
    BufferedImage im = Figure.of(new ScatterPlot(x, y).labels(labels).classNames("star", "quasar").xlabel("u-g")
        .panel()).toImage();
    assertEquals(640, im.getWidth());
    int blue = Golden.count(im, Charts.TAB10[0], 12);
    int orange = Golden.count(im, Charts.TAB10[1], 12);
    assertTrue(blue > 300 && orange > 300, "blue " + blue + ", orange " + orange);
    // the class-0 cloud lies left of the class-1 cloud
    assertTrue(meanX(im, Charts.TAB10[0]) < meanX(im, Charts.TAB10[1]));
    // one class only: no orange at all
    assertEquals(0, Golden.count(Figure.of(new ScatterPlot(x, y).panel()).toImage(), Charts.TAB10[1], 12));
  }

  private static double meanX(BufferedImage im, java.awt.Color c) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < im.getHeight(); y++) {
      for (int x = 0; x < im.getWidth(); x++) {
        if (Golden.near(new java.awt.Color(im.getRGB(x, y)), c, 12)) {
          sum += x;
          n++;
        }
      }
    }
    return sum / n;
  }

  @Test
  void rejectsMismatchedLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ScatterPlot(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("2 and 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ScatterPlot(new double[] {1}, new double[] {1}).labels(new int[] {0, 1}));
    assertTrue(e.getMessage().contains("one label per point (1)"), e.getMessage());
  }
}
