package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnomalyDetectionTest {
  @Test
  void rocAucByHand() {
    // positives score 3 and 1, negatives 2 and 0: 3 of the 4 pairs are ranked right
    assertEquals(0.75, AnomalyDetection.rocAuc(new double[] {3, 2, 1, 0}, new boolean[] {true, false, true, false}));
  }

  @Test
  void reconstructionErrorFindsPlantedAnomalies() {
    double auc = AnomalyDetection.run(5000, 40, 0);
    assertTrue(auc > 0.9, "ROC AUC " + auc);
  }
}
