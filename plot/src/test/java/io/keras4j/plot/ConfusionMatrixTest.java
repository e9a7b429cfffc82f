package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  @Test
  void countsAndNormalisationsByHand() {
    // true 0: predicted 0, 0, 1; true 1: predicted 1; true 2: predicted 0, 2
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 2, 2}, new int[] {0, 0, 1, 1, 0, 2});
    assertArrayEquals(new long[][] {{2, 1, 0}, {0, 1, 0}, {1, 0, 1}}, cm.counts());
    assertArrayEquals(new int[] {0, 1, 2}, cm.labels());
    assertEquals(4 / 6.0, cm.accuracy(), 1e-12);
    double[][] t = cm.normalize("true");
    assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0}, t[0], 1e-12);
    assertArrayEquals(new double[] {0.5, 0, 0.5}, t[2], 1e-12);
    double[][] p = cm.normalize("pred");
    assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 1 / 3.0}, new double[] {p[0][0], p[2][0], p[0][1] * 2 / 3.0
        + 0}, 1e-12);
    assertEquals(0.5, p[1][1], 1e-12);
    assertEquals(1 / 6.0, cm.normalize("all")[0][1], 1e-12);
  }

  @Test
  void labelsChooseAndOrderTheRows() {
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1}, new int[] {2, 0});
    // rows/columns 2 then 0; samples with label 1 (true or predicted) are left out
    assertArrayEquals(new long[][] {{1, 0}, {0, 1}}, cm.counts());
  }

  private static void assertMatrix(JsonNode expected, double[][] actual) {
    assertEquals(expected.size(), actual.length);
    for (int i = 0; i < actual.length; i++) {
      assertArrayEquals(Golden.doubles(expected.get(i)), actual[i], 1e-12, "row " + i);
    }
  }

  @Test
  void matchesScikitLearn() {
    for (String key : new String[] {"multiclass", "empty_classes"}) {
      JsonNode m = Golden.json().get(key);
      int[] yt = Golden.ints(m.get("y_true"));
      int[] yp = Golden.ints(m.get("y_pred"));
      ConfusionMatrix cm = m.has("labels") ? ConfusionMatrix.of(yt, yp, Golden.ints(m.get("labels")))
          : ConfusionMatrix.of(yt, yp);
      assertMatrix(m.get("confusion_matrix"), cm.normalize(null));
      for (String norm : new String[] {"true", "pred", "all"}) {
        assertMatrix(m.get("confusion_matrix_" + norm), cm.normalize(norm));
      }
    }
  }

  @Test
  void rejectsBadInput() {
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cm.normalize("rows"));
    assertTrue(e.getMessage().contains("normalize=rows"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("1 and 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, new int[] {1, 1}));
    assertTrue(e.getMessage().contains("distinct"), e.getMessage());
  }
}
