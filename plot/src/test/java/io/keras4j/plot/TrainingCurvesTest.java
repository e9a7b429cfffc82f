package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {
  private static Map<String, List<Double>> history() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("accuracy", List.of(0.5, 0.7, 0.8, 0.85));
    h.put("loss", List.of(1.0, 0.6, 0.4, 0.3));
    h.put("val_accuracy", List.of(0.55, 0.68, 0.75, 0.78));
    h.put("val_loss", List.of(0.9, 0.65, 0.5, 0.48));
    return h;
  }

  @Test
  void onePanelPerMetricLossFirst() {
    TrainingCurves t = TrainingCurves.of(history());
    assertEquals(List.of("loss", "accuracy"), t.metrics());
    Figure f = t.figure();
    assertEquals(2, f.panels().size());
    BufferedImage im = f.toImage();
    assertEquals(2 * 640, im.getWidth());
    assertEquals(480, im.getHeight());
    // train (blue) and validation (orange) in both panels
    for (int p = 0; p < 2; p++) {
      BufferedImage panel = im.getSubimage(p * 640, 0, 640, 480);
      assertTrue(Golden.count(panel, Charts.TAB10[0], 10) > 100, "train curve in panel " + p);
      assertTrue(Golden.count(panel, Charts.TAB10[1], 10) > 100, "validation curve in panel " + p);
    }
  }

  @Test
  void withoutValidationOnlyTheTrainingCurve() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(1.0, 0.5));
    BufferedImage im = TrainingCurves.of(h).figure().toImage();
    assertEquals(640, im.getWidth());
    assertTrue(Golden.count(im, Charts.TAB10[0], 10) > 50);
    assertEquals(0, Golden.count(im, Charts.TAB10[1], 10));
  }

  @Test
  void rejectsUnknownMetricAndEmptyHistory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingCurves.of(history()).panel("mae"));
    assertTrue(e.getMessage().contains("[loss, accuracy]") && e.getMessage().contains("mae"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainingCurves.of(new LinkedHashMap<>()));
  }
}
