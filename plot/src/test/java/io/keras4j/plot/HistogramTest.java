package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramTest {
  @Test
  void binsByHand() {
    // [0, 4] in 4 bins: 0 | 1 1.5 | 2 | 3 4 (the last bin holds its right edge)
    Histogram h = new Histogram(new double[] {0, 1, 1.5, 2, 3, 4}).bins(4);
    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, h.edges(), 1e-12);
    assertArrayEquals(new long[] {1, 2, 1, 2}, h.counts());
    // outside the range: not counted
    assertArrayEquals(new long[] {1, 3}, new Histogram(new double[] {-5, 0, 1, 1.5, 2, 9}).bins(2).range(0, 2)
        .counts());
    // all equal: the range v +- 0.5
    assertArrayEquals(new double[] {2.5, 3.5}, new Histogram(new double[] {3, 3}).bins(1).edges(), 1e-12);
  }

  @Test
  void matchesNumpy() {
    JsonNode g = Golden.json().get("histogram");
    double[] v = Golden.doubles(g.get("values"));
    Histogram h = new Histogram(v).bins(g.get("bins").asInt());
    assertArrayEquals(Golden.doubles(g.get("edges")), h.edges(), 1e-12);
    assertArrayEquals(Arrays.stream(Golden.ints(g.get("counts"))).asLongStream().toArray(), h.counts());
    Histogram r = new Histogram(v).bins(g.get("range_bins").asInt()).range(-1, 1);
    assertArrayEquals(Golden.doubles(g.get("range_edges")), r.edges(), 1e-12);
    assertArrayEquals(Arrays.stream(Golden.ints(g.get("range_counts"))).asLongStream().toArray(), r.counts());
  }

  @Test
  void drawsFilledBars(@TempDir Path dir) throws Exception {
    double[] v = Golden.doubles(Golden.json().get("histogram").get("values"));
    Path png = dir.resolve("hist.png");
    Figure.of(new Histogram(v).bins(20).title("scores").panel()).savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertEquals(640, im.getWidth());
    // filled area: many pixels of the first colour (XChart fills with it, possibly translucent)
    long coloured = 0;
    for (int y = 0; y < im.getHeight(); y++) {
      for (int x = 0; x < im.getWidth(); x++) {
        java.awt.Color c = new java.awt.Color(im.getRGB(x, y));
        coloured += c.getBlue() > c.getRed() + 40 ? 1 : 0;
      }
    }
    assertTrue(coloured > 20000, "bluish pixels " + coloured);
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Histogram(new double[] {1}).bins(0));
    assertTrue(e.getMessage().contains("bins=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Histogram(new double[] {Double.NaN}));
    assertTrue(e.getMessage().contains("values[0]=NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Histogram(new double[] {1}).range(2, 1));
    assertTrue(e.getMessage().contains("range=(2.0, 1.0)"), e.getMessage());
  }
}
