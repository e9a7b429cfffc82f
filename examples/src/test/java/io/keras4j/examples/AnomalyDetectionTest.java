package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.plot.RocCurve;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyDetectionTest {
  @Test
  void rocAucByHand() {
    // positives score 3 and 1, negatives 2 and 0: 3 of the 4 pairs are ranked right
    assertEquals(0.75, AnomalyDetection.rocAuc(new double[] {3, 2, 1, 0}, new boolean[] {true, false, true, false}));
  }

  @Test
  void reconstructionErrorFindsPlantedAnomalies(@TempDir Path out) throws Exception {
    AnomalyDetection.Scores s = AnomalyDetection.scores(5000, 40, 0);
    double auc = AnomalyDetection.rocAuc(s.score(), s.anomaly());
    assertTrue(auc > 0.9, "ROC AUC " + auc);
    // the plot module's curve has the same area as the example's pair count
    assertEquals(auc, RocCurve.of(s.anomaly(), s.score(), true).auc(), 1e-9);
    Path png = out.resolve("anomaly_roc.png");
    AnomalyDetection.plot(s, png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertEquals(2 * 640, im.getWidth());
    assertEquals(480 + 36, im.getHeight());
  }
}
