package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {
  /** A 100 x 50 panel filled with one colour. */
  private static Panel solid(Color c) {
    return new Panel() {
      @Override
      public void paint(Graphics2D g, int width, int height) {
        g.setColor(c);
        g.fillRect(0, 0, 100, 50);
      }

      @Override
      public int width() {
        return 100;
      }

      @Override
      public int height() {
        return 50;
      }
    };
  }

  @Test
  void panelsFillTheGridRowByRow(@TempDir Path dir) throws Exception {
    Figure f = Figure.of(solid(Color.RED), solid(Color.GREEN), solid(Color.BLUE)).ncols(2);
    Path png = dir.resolve("sub/grid.png");
    f.savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertEquals(200, im.getWidth());
    assertEquals(100, im.getHeight());
    assertEquals(Color.RED, new Color(im.getRGB(50, 25)));
    assertEquals(Color.GREEN, new Color(im.getRGB(150, 25)));
    assertEquals(Color.BLUE, new Color(im.getRGB(50, 75)));
    assertEquals(Color.WHITE, new Color(im.getRGB(150, 75)));
    // no temporary file left beside the PNG
    try (var files = Files.list(png.getParent())) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void suptitleAddsABandOnTop() {
    BufferedImage im = Figure.of(solid(Color.RED)).suptitle("Test set").toImage();
    assertEquals(100 + 0, im.getWidth());
    assertEquals(50 + 36, im.getHeight());
    assertEquals(Color.RED, new Color(im.getRGB(50, 36 + 25)));
    assertTrue(Golden.count(im.getSubimage(0, 0, 100, 36), Color.BLACK, 100) > 5, "title text");
  }

  @Test
  void svgHoldsTheShapes(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("f.svg");
    Figure.of(solid(Color.RED), solid(Color.BLUE)).suptitle("two").savefig(svg);
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg"), text);
    assertTrue(text.contains("width=\"200") && text.contains("two"), text);
    assertTrue(text.toLowerCase().contains("rgb(255,0,0)") || text.toLowerCase().contains("#ff0000"), text);
  }

  @Test
  void rejectsUnknownFormatsAndEmptyFigures(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Figure.of(solid(Color.RED)).savefig(dir.resolve("x.pdf")));
    assertTrue(e.getMessage().contains("x.pdf"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new Figure().toImage());
  }
}
