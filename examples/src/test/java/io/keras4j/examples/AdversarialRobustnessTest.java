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
  void attacksLowerAccuracyAndAdversarialTrainingRecoversSome() throws Exception {
    long t0 = System.nanoTime();
    AdversarialRobustness.Result r = AdversarialRobustness.run(450, 120, 5, out);
    System.out.println(r.markdown());
    System.out.printf("AdversarialRobustness with 450 images, 900 colour rows, 5 epochs: %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
    check(r.images(), 0.9, 0.3);
    check(r.colours(), 0.85, 0.15);
    // the defences: adversarial training beats no defence under PGD at medium strength, on both problems
    for (List<RobustnessTable.Row> rows : List.of(r.images(), r.colours())) {
      double[] pgdMedium = rows.get(5).values();
      assertTrue(pgdMedium[4] > pgdMedium[0] + 0.05, "PGD medium: adversarial training " + pgdMedium[4]
          + " vs none " + pgdMedium[0]);
    }
    BufferedImage png = ImageIO.read(out.resolve("adversarial_images.png").toFile());
    assertEquals(9 * (16 * 6 + 8) + 8, png.getWidth(), "nine panels of 16 px at scale 6");
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
