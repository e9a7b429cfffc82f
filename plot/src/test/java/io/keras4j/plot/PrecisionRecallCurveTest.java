package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecisionRecallCurveTest {
  @Test
  void fourSamplesByHand() {
    // thresholds increasing 0.1, 0.35, 0.4, 0.8: predicted positives 4, 3, 2, 1 holding 2, 2, 1, 1 positives
    PrecisionRecallCurve p = PrecisionRecallCurve.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
    assertArrayEquals(new double[] {2. / 4, 2. / 3, 1. / 2, 1, 1}, p.precision(), 1e-12);
    assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0}, p.recall(), 1e-12);
    assertArrayEquals(new double[] {0.1, 0.35, 0.4, 0.8}, p.thresholds(), 1e-12);
    // recall steps: 0.5 at precision 1 (threshold 0.8) and 0.5 at precision 2/3 (threshold 0.35)
    assertEquals(0.5 * 1 + 0.5 * 2. / 3, p.averagePrecision(), 1e-12);
  }

  @Test
  void averagePrecisionIsTheMeanPrecisionAtEachPositive() {
    // distinct scores: AP = mean over positives of the precision at that positive's rank
    int[] y = {1, 0, 1, 1, 0, 0, 1, 0};
    double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    double expected = (1. / 1 + 2. / 3 + 3. / 4 + 4. / 7) / 4;
    assertEquals(expected, PrecisionRecallCurve.of(y, s).averagePrecision(), 1e-12);
  }

  @Test
  void matchesScikitLearn() {
    for (JsonNode c : Golden.json().get("binary")) {
      PrecisionRecallCurve p = PrecisionRecallCurve.of(Golden.ints(c.get("y_true")),
          Golden.doubles(c.get("y_score")));
      String name = c.get("name").asText();
      assertArrayEquals(Golden.doubles(c.get("precision")), p.precision(), 1e-12, name);
      assertArrayEquals(Golden.doubles(c.get("recall")), p.recall(), 1e-12, name);
      assertArrayEquals(Golden.doubles(c.get("pr_thresholds")), p.thresholds(), 1e-12, name);
      assertEquals(c.get("average_precision").asDouble(), p.averagePrecision(), 1e-12, name);
    }
    JsonNode m = Golden.json().get("multiclass");
    List<PrecisionRecallCurve> ovr = PrecisionRecallCurve.oneVsRest(Golden.ints(m.get("y_true")),
        Golden.floats2d(m.get("y_prob")));
    for (int k = 0; k < 3; k++) {
      assertEquals(m.get("one_vs_rest").get(k).get("average_precision").asDouble(), ovr.get(k).averagePrecision(),
          1e-12);
    }
  }

  @Test
  void noPositivesGivesRecallOne() {
    PrecisionRecallCurve p = PrecisionRecallCurve.of(new int[] {0, 0}, new double[] {0.2, 0.7});
    assertArrayEquals(new double[] {1, 1, 0}, p.recall(), 0);
    assertArrayEquals(new double[] {0, 0, 1}, p.precision(), 0);
  }

  @Test
  void drawsTheCurve(@TempDir Path dir) throws Exception {
    JsonNode c = Golden.json().get("binary").get(1);
    PrecisionRecallCurve p = PrecisionRecallCurve.of(Golden.ints(c.get("y_true")), Golden.doubles(c.get("y_score")));
    Path svg = dir.resolve("pr.svg");
    Figure.of(p.panel()).savefig(svg);
    String text = java.nio.file.Files.readString(svg);
    // XChart writes text as outlines: check the document, its size and the curve's stroke colour (tab10 blue)
    assertTrue(text.contains("<svg") && text.contains("width=\"640px\""), text.substring(0, 300));
    assertTrue(text.contains("stroke:rgb(31,119,180)"), "the curve's stroke");
    Path png = dir.resolve("pr.png");
    Figure.of(p.panel()).savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertEquals(640, im.getWidth());
    assertTrue(Golden.count(im, Charts.TAB10[0], 10) > 300, "curve pixels");
  }
}
