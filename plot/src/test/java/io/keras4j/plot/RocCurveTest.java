package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocCurveTest {
  @Test
  void fourSamplesByHand() {
    // sorted by score: 0.8 (pos), 0.4 (neg), 0.35 (pos), 0.1 (neg); 2 positives, 2 negatives
    RocCurve r = RocCurve.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, r.fpr(), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, r.tpr(), 1e-12);
    assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1}, r.thresholds(), 1e-12);
    // trapezoids: 0.5 * 0.5 + 0.5 * 1 = 0.75
    assertEquals(0.75, r.auc(), 1e-12);
  }

  @Test
  void collinearPointsAreDroppedAndTiesShareAThreshold() {
    // three negatives below three positives: the points (0, 1/3), (0, 2/3) lie on the segment (0,0)-(0,1)
    RocCurve r = RocCurve.of(new int[] {1, 1, 1, 0, 0, 0}, new double[] {6, 5, 4, 3, 2, 1});
    assertArrayEquals(new double[] {0, 0, 0, 1}, r.fpr(), 1e-12);
    assertArrayEquals(new double[] {0, 1. / 3, 1, 1}, r.tpr(), 1e-12);
    assertEquals(1.0, r.auc(), 1e-12);
    // all tied: one threshold, the chance diagonal, AUC 1/2
    RocCurve tied = RocCurve.of(new int[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.5, 0.5});
    assertArrayEquals(new double[] {0, 1}, tied.fpr(), 1e-12);
    assertEquals(0.5, tied.auc(), 1e-12);
  }

  @Test
  void matchesScikitLearn() {
    for (JsonNode c : Golden.json().get("binary")) {
      int[] y = Golden.ints(c.get("y_true"));
      double[] s = Golden.doubles(c.get("y_score"));
      RocCurve r = RocCurve.of(y, s);
      String name = c.get("name").asText();
      assertArrayEquals(Golden.doubles(c.get("fpr")), r.fpr(), 1e-12, name);
      assertArrayEquals(Golden.doubles(c.get("tpr")), r.tpr(), 1e-12, name);
      assertArrayEquals(Golden.doubles(c.get("thresholds")), r.thresholds(), 1e-12, name);
      assertEquals(c.get("auc").asDouble(), r.auc(), 1e-12, name);
      assertEquals(c.get("roc_auc").asDouble(), r.auc(), 1e-12, name);
      RocCurve all = RocCurve.of(RocCurve.positives(y), s, false);
      assertArrayEquals(Golden.doubles(c.get("fpr_all")), all.fpr(), 1e-12, name);
      assertArrayEquals(Golden.doubles(c.get("tpr_all")), all.tpr(), 1e-12, name);
      assertArrayEquals(Golden.doubles(c.get("thresholds_all")), all.thresholds(), 1e-12, name);
      assertEquals(r.auc(), all.auc(), 1e-12, "dropping collinear points keeps the area");
    }
  }

  @Test
  void oneVsRestMatchesScikitLearn() {
    JsonNode m = Golden.json().get("multiclass");
    int[] y = Golden.ints(m.get("y_true"));
    float[][] p = Golden.floats2d(m.get("y_prob"));
    List<RocCurve> curves = RocCurve.oneVsRest(y, p);
    assertEquals(3, curves.size());
    for (int k = 0; k < 3; k++) {
      JsonNode g = m.get("one_vs_rest").get(k);
      assertArrayEquals(Golden.doubles(g.get("fpr")), curves.get(k).fpr(), 1e-12);
      assertArrayEquals(Golden.doubles(g.get("tpr")), curves.get(k).tpr(), 1e-12);
      assertArrayEquals(Golden.doubles(g.get("thresholds")), curves.get(k).thresholds(), 1e-6);
      assertEquals(g.get("auc").asDouble(), curves.get(k).auc(), 1e-12);
      assertEquals("class " + k, curves.get(k).name());
    }
    assertEquals(m.get("roc_auc_ovr_macro").asDouble(), RocCurve.aucOneVsRest(y, p), 1e-12);
  }

  @Test
  void aucIsTheChanceAPositiveOutranksANegative() {
    Random rnd = new Random(5);
    int n = 400;
    int[] y = new int[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextInt(2);
      s[i] = Math.round((y[i] + rnd.nextGaussian()) * 4) / 4.0; // coarse scores: many ties
    }
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    assertEquals(wins / pairs, RocCurve.of(y, s).auc(), 1e-12);
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RocCurve.of(new int[] {0, 2}, new double[] {0.1, 0.2}));
    assertTrue(e.getMessage().contains("y_true[1]=2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[] {0, 1}, new double[] {0.1}));
    assertTrue(e.getMessage().contains("2 labels and 1 scores"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RocCurve.of(new int[] {0, 1}, new double[] {0.1, Double.NaN}));
    assertTrue(e.getMessage().contains("y_score[1]=NaN"), e.getMessage());
  }

  @Test
  void drawsTheCurveAndTheChanceLine(@TempDir Path dir) throws Exception {
    JsonNode c = Golden.json().get("binary").get(1);
    RocCurve r = RocCurve.of(Golden.ints(c.get("y_true")), Golden.doubles(c.get("y_score"))).name("MLP");
    Path png = dir.resolve("roc.png");
    Figure.of(r.panel()).savefig(png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertEquals(640, im.getWidth());
    assertEquals(480, im.getHeight());
    // the curve in matplotlib's first colour, the chance line in black
    assertTrue(Golden.count(im, Charts.TAB10[0], 10) > 300, "curve pixels");
    assertTrue(Golden.count(im, java.awt.Color.BLACK, 30) > 300, "chance line, axes and text");
  }
}
