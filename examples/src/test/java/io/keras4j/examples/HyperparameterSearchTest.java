package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four searches on simulated colours, small: 6 trials of 5 epochs (Hyperband: 10 trials). */
class HyperparameterSearchTest {
  @TempDir
  Path dir;

  @Test
  void fourSearchesGiveRisingCurvesATableAndAPlot() throws Exception {
    int n = 2000;
    float[][] x = new float[n][];
    int[] y = new int[n];
    ColourSimulator.draw(n, 7, x, y);
    List<HyperparameterSearch.Curve> curves = HyperparameterSearch.run(x, y, 3,
        new HyperparameterSearch.Settings(6, 5, 1, dir.resolve("projects")));

    assertEquals(List.of("random", "grid", "Hyperband", "Bayesian"),
        curves.stream().map(HyperparameterSearch.Curve::tuner).toList());
    // Hyperband, max_epochs 5, factor 3: 5 -> 5/3 -> 5/9 gives 2 brackets; bracket-0 end size ceil(1 + log3 5) = 3.
    // Bracket 1: ceil(3/2 * 3) = 5 models x ceil(5/3) = 2 epochs, then ceil(3/2) = 2 continued from 2 to 5 epochs;
    // bracket 0: 3 models x 5 epochs. 10 trials, 5 * 2 + 2 * 3 + 3 * 5 = 31 epochs.
    assertEquals(10, curves.get(2).bestSoFar().length);
    assertEquals(31, curves.get(2).epochsTrained());
    int[] counts = new int[3];
    Arrays.stream(y).forEach(c -> counts[c]++);
    double majority = Arrays.stream(counts).max().orElseThrow() / (double) n;
    for (HyperparameterSearch.Curve c : curves) {
      double[] b = c.bestSoFar();
      for (int i = 1; i < b.length; i++) {
        assertTrue(b[i] >= b[i - 1], c.tuner() + " never gets worse: " + Arrays.toString(b));
      }
      assertTrue(b[b.length - 1] <= 1, c.tuner());
    }
    double best = curves.stream().mapToDouble(c -> c.bestSoFar()[c.bestSoFar().length - 1]).max().orElseThrow();
    assertTrue(best > majority + 0.2, "the searches learn beyond the majority class " + majority + ": " + best);

    String table = HyperparameterSearch.table(curves);
    assertTrue(table.startsWith("| trials | random | grid | Hyperband | Bayesian |\n|---:|---:|---:|---:|---:|\n"),
        table);
    assertTrue(table.contains("| 10 | | | " + String.format(java.util.Locale.ROOT, "%.4f", curves.get(2)
        .bestSoFar()[9]) + " | |"), table);
    assertTrue(table.endsWith("| epochs trained | 30 | 30 | 31 | 30 |\n"), table);

    Path png = dir.resolve("search.png");
    HyperparameterSearch.plot(curves, png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(700, img.getWidth());
  }

  @Test
  void gridSearchStartsFromTheDefaultsAndMovesTheLastDeclaredFirst() {
    HyperParameters hp = new HyperParameters();
    HyperparameterSearch.hypermodel(3).build(hp).close();
    assertEquals(List.of("units", "kernel_initializer", "learning_rate", "beta_2", "epsilon"),
        List.copyOf(hp.values().keySet()));
    assertEquals(List.of(2, "glorot_uniform", 1e-4, 0.999, 1e-8), List.copyOf(hp.values().values()));
  }
}
