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

class ImageGridTest {
  /** Image k: 4 x 4, value k * 100 + row * 4 + column (its own range 0..15 above its offset). */
  private static float[][][] ramps(int n) {
    float[][][] out = new float[n][4][4];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          out[k][i][j] = k * 100 + i * 4 + j;
        }
      }
    }
    return out;
  }

  @Test
  void eachImageIsScaledToItsOwnRangeAndDrawnInItsCell(@TempDir Path dir) throws Exception {
    ImageGrid grid = ImageGrid.of(ramps(3)).titles("zero", "one", "two").ncols(2).cellSize(64);
    Path png = dir.resolve("grid.png");
    grid.figure().savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    // 2 columns of 64 + 8 padding, 2 rows of 64 + 20 title + 8
    assertEquals(2 * 72 + 8, im.getWidth());
    assertEquals(2 * 92 + 8, im.getHeight());
    for (int k = 0; k < 3; k++) {
      Rectangle r = grid.bounds(k);
      assertEquals(64, r.width);
      // each pixel is a 16 x 16 square: top left the image's minimum, bottom right its maximum
      assertEquals(new Color(0x440154), new Color(im.getRGB(r.x + 8, r.y + 8)), "image " + k);
      assertEquals(new Color(0xfde725), new Color(im.getRGB(r.x + 56, r.y + 56)), "image " + k);
      // value 5 of 0..15 is a third of the way along viridis
      assertEquals(Colormap.get("viridis").color(5 / 15.0), new Color(im.getRGB(r.x + 24, r.y + 24)));
    }
    // the fourth cell is empty; the titles are dark text above the images
    assertEquals(Color.WHITE, new Color(im.getRGB(72 + 8 + 32, 92 + 8 + 40)));
    Rectangle r0 = grid.bounds(0);
    BufferedImage title = im.getSubimage(r0.x, r0.y - 20, 64, 20);
    assertTrue(Golden.count(title, Color.BLACK, 100) > 5, "title pixels");
  }

  @Test
  void rgbImagesAreClippedToTheUnitInterval() {
    float[][][][] rgb = new float[1][2][2][3];
    rgb[0][0][0] = new float[] {1, 0, 0};
    rgb[0][0][1] = new float[] {2, 0.5f, -1};
    rgb[0][1][0] = new float[] {0, 0, 1};
    rgb[0][1][1] = new float[] {1, 1, 1};
    BufferedImage im = ImageGrid.of(rgb).toImage(0);
    assertEquals(Color.RED, new Color(im.getRGB(0, 0)));
    assertEquals(new Color(255, 128, 0), new Color(im.getRGB(1, 0)));
    assertEquals(Color.BLUE, new Color(im.getRGB(0, 1)));
  }

  @Test
  void fixedRangeAndGrayColormap() {
    BufferedImage im = ImageGrid.of(ramps(1)).cmap("gray").vminVmax(0, 30).toImage(0);
    assertEquals(Color.BLACK, new Color(im.getRGB(0, 0)));
    // 15 of 0..30 is mid grey
    assertEquals(Colormap.get("gray").color(0.5), new Color(im.getRGB(3, 3)));
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageGrid.of(ramps(2)).titles("one"));
    assertTrue(e.getMessage().contains("one title per image (2)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(new float[1][2][2][2]));
    assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(ramps(1)).vminVmax(1, 1));
    assertTrue(e.getMessage().contains("vmin=1.0"), e.getMessage());
  }
}
