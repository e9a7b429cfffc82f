package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdversarialRobustnessTest {
  @TempDir
  Path out;

  @Test
  void attacksLowerAccuracyAndAdversarialTrainingRecoversSomeOnImages() throws Exception {
    long t0 = System.nanoTime();
    AdversarialRobustness.Result r = AdversarialRobustness.run(600, 120, 8, out);
    System.out.println(r.markdown());
    System.out.printf("AdversarialRobustness with 600 images, 1200 colour rows, 8 epochs: %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
    check(r.images(), 0.9, 0.3);
    check(r.colours(), 0.85, 0.15);
    // adversarial training recovers much of the CNN's accuracy under PGD at medium strength; on the colours, whose
    // classes overlap within eps of each other, it can only hold its own
    double[] images = r.images().get(5).values();
    assertTrue(images[4] > images[0] + 0.2, "images, PGD medium: adversarial training " + images[4] + " vs none "
        + images[0]);
    double[] colours = r.colours().get(5).values();
    assertTrue(colours[4] > colours[0] - 0.05, "colours, PGD medium: adversarial training " + colours[4]
        + " vs none " + colours[0]);
    BufferedImage png = ImageIO.read(out.resolve("adversarial_images.png").toFile());
    assertEquals(3 * (16 * 8 + 10) + 10, png.getWidth(), "three columns of 16 px at scale 8");
    assertEquals(30 + 3 * (16 * 8 + 22), png.getHeight(), "three rows");
    String md = Files.readString(out.resolve("adversarial_robustness.md"));
    assertTrue(md.contains("| PGD | high |") && md.contains("| n/a |"), md);
  }

  /** Rows: clean, FGSM low/medium/high, PGD low/medium/high. */
  private static void check(List<RobustnessTable.Row> rows, double minClean, double minDrop) {
    assertEquals(7, rows.size());
    double clean = rows.get(0).values()[0];
    assertTrue(clean > minClean, "clean accuracy " + clean);
    assertTrue(rows.get(3).values()[0] < clean - minDrop, "FGSM high " + rows.get(3).values()[0] + " vs " + clean);
    for (int k = 0; k < 3; k++) {
      double fgsm = rows.get(1 + k).values()[0];
      double pgd = rows.get(4 + k).values()[0];
      assertTrue(pgd <= fgsm + 0.05, "strength " + k + ": PGD " + pgd + " vs FGSM " + fgsm);
      if (k > 0) {
        assertTrue(fgsm <= rows.get(k).values()[0] + 0.05, "FGSM accuracy falls with strength");
      }
    }
  }
}
