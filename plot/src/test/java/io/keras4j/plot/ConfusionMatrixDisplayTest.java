package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixDisplayTest {
  // counts [[9, 1], [2, 8]]
  static final int[] Y_TRUE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  static final int[] Y_PRED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};

  private static Color at(BufferedImage im, Rectangle r) {
    // a corner of the cell, away from the centred text
    return new Color(im.getRGB(r.x + 4, r.y + 4));
  }

  @Test
  void cellsTakeTheColormapsColoursBetweenTheSmallestAndLargestCount(@TempDir Path dir) throws Exception {
    ConfusionMatrixDisplay d = ConfusionMatrixDisplay.fromPredictions(Y_TRUE, Y_PRED).displayLabels("STAR", "QSO");
    Path png = dir.resolve("cm.png");
    Figure.of(d.panel()).savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertEquals(ConfusionMatrixDisplay.WIDTH, im.getWidth());
    assertEquals(ConfusionMatrixDisplay.HEIGHT, im.getHeight());
    int w = im.getWidth();
    int h = im.getHeight();
    // viridis: 9 (the maximum) is #fde725, 1 (the minimum) #440154, 2 and 8 at 1/8 and 7/8 of the map (matplotlib: #472d7b, #addc30)
    assertTrue(Golden.near(at(im, d.cell(0, 0, w, h)), new Color(0xfde725), 2), "" + at(im, d.cell(0, 0, w, h)));
    assertTrue(Golden.near(at(im, d.cell(0, 1, w, h)), new Color(0x440154), 2), "" + at(im, d.cell(0, 1, w, h)));
    assertTrue(Golden.near(at(im, d.cell(1, 0, w, h)), new Color(0x472d7b), 3), "" + at(im, d.cell(1, 0, w, h)));
    assertTrue(Golden.near(at(im, d.cell(1, 1, w, h)), new Color(0xaddc30), 3), "" + at(im, d.cell(1, 1, w, h)));
    // the count is written in the dark end's colour on the bright cell and the bright end's on the dark cell
    assertTrue(count(im, d.cell(0, 0, w, h), new Color(0x440154)) > 10, "text on the bright cell");
    assertTrue(count(im, d.cell(0, 1, w, h), new Color(0xfde725)) > 10, "text on the dark cell");
  }

  private static int count(BufferedImage im, Rectangle r, Color c) {
    return Golden.count(im.getSubimage(r.x, r.y, r.width, r.height), c, 20);
  }

  @Test
  void normalisedValuesAndAnotherColormap(@TempDir Path dir) throws Exception {
    ConfusionMatrixDisplay d = ConfusionMatrixDisplay.fromPredictions(Y_TRUE, Y_PRED).normalize("true").cmap("Blues");
    assertEquals(0.9, d.values()[0][0], 1e-12);
    assertEquals(0.2, d.values()[1][0], 1e-12);
    Path png = dir.resolve("cm.png");
    Figure.of(d.panel()).savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    // Blues: 0.1 (the minimum) is the map's low end #f7fbff, 0.9 its high end #08306b
    assertTrue(Golden.near(at(im, d.cell(0, 1, 640, 480)), new Color(0xf7fbff), 2));
    assertTrue(Golden.near(at(im, d.cell(0, 0, 640, 480)), new Color(0x08306b), 2));
  }

  @Test
  void formatsValuesAsScikitLearn() {
    assertEquals("9", ConfusionMatrixDisplay.format(9, true));
    assertEquals("0.83", ConfusionMatrixDisplay.format(5 / 6.0, false));
    assertEquals("0.05", ConfusionMatrixDisplay.format(0.05, false));
    assertEquals("1", ConfusionMatrixDisplay.format(1.0, false));
    assertEquals("0", ConfusionMatrixDisplay.format(0, false));
  }

  @Test
  void rejectsBadSettings() {
    ConfusionMatrixDisplay d = ConfusionMatrixDisplay.fromPredictions(Y_TRUE, Y_PRED);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.displayLabels("a"));
    assertTrue(e.getMessage().contains("expected 2 display labels"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.cmap("jet2"));
    assertTrue(e.getMessage().contains("name=jet2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.normalize("row"));
    assertTrue(e.getMessage().contains("normalize=row"), e.getMessage());
  }
}
