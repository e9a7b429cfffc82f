package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.data.Csv;
import io.keras4j.data.Table;
import io.keras4j.plot.ConfusionMatrix;
import io.keras4j.plot.RocCurve;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The star/quasar MLP on the real SDSS DR14 table (in ../shared/data when present) and on simulated colours. */
class StarQuasarTest {
  static final Path SDSS = Path.of("..", "..", "shared", "data", "sdss", "skyserver_dr14_10k.csv");

  private static StarQuasar.Result runOn(Table t) {
    String[] classes = Arrays.stream(t.strings("class")).distinct().sorted().toArray(String[]::new);
    String[] cls = t.strings("class");
    int[] y = new int[cls.length];
    for (int i = 0; i < cls.length; i++) {
      y[i] = Arrays.asList(classes).indexOf(cls[i]);
    }
    return StarQuasar.run(StarQuasar.colours(t), y, classes, 30, 42, 0);
  }

  @Test
  void realSdssThreeClassesBeatLogisticRegression() {
    assumeTrue(Files.exists(SDSS), "SDSS table not present: " + SDSS);
    StarQuasar.Result r = runOn(Csv.read(SDSS));
    assertTrue(r.accuracy() >= 0.96, "three-class accuracy " + r.accuracy());
    assertTrue(r.accuracy() > r.baselineAccuracy(),
        "MLP " + r.accuracy() + " must beat logistic regression " + r.baselineAccuracy());
  }

  @Test
  void realSdssStarAgainstQuasarBeatsLogisticRegression() {
    assumeTrue(Files.exists(SDSS), "SDSS table not present: " + SDSS);
    StarQuasar.Result r = runOn(Csv.read(SDSS).where("class", "STAR", "QSO"));
    assertTrue(r.accuracy() >= 0.98, "STAR/QSO accuracy " + r.accuracy());
    assertTrue(r.accuracy() > r.baselineAccuracy(),
        "MLP " + r.accuracy() + " must beat logistic regression " + r.baselineAccuracy());
  }

  @Test
  void simulatedColoursAreSeparable(@TempDir Path out) throws Exception {
    float[][] x = new float[4000][];
    int[] y = new int[4000];
    ColourSimulator.draw(4000, 3, x, y);
    StarQuasar.Result r = StarQuasar.run(x, y, ColourSimulator.CLASSES, 15, 1, 0);
    assertTrue(r.accuracy() > 0.93, "simulated accuracy " + r.accuracy());
    // the test set's labels and probabilities: argmax gives the reported accuracy, and each class is well ranked
    assertEquals(1000, r.yTest().length);
    assertEquals(r.accuracy(), ConfusionMatrix.of(r.yTest(), StarQuasar.argmax(r.testProbabilities())).accuracy(),
        1e-9);
    assertTrue(RocCurve.aucOneVsRest(r.yTest(), r.testProbabilities()) > 0.97,
        "one-vs-rest AUC " + RocCurve.aucOneVsRest(r.yTest(), r.testProbabilities()));
    List<Path> pngs = StarQuasar.testSetPlots(r, out);
    assertEquals(List.of("star_quasar_roc.png", "star_quasar_confusion.png"),
        pngs.stream().map(p -> p.getFileName().toString()).toList());
    for (Path png : pngs) {
      BufferedImage im = ImageIO.read(png.toFile());
      assertEquals(640, im.getWidth());
      assertEquals(480, im.getHeight());
    }
  }
}
