package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.TracedFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision, Recall and AUC keyword arguments (thresholds, top_k, class_id, summation, multi-label, logits) on
 * small batches whose counts are worked out by hand.
 */
class ConfusionMetricsTest {
  /** The metric's result after one update on y_true/y_pred of {@code shape}. */
  static float[] result(Metric m, float[] yTrue, float[] yPred, Shape shape) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction update = g.trace(() -> {
        Ops ops = Backend.ops();
        m.updateState(ops.placeholder("float32", shape), ops.placeholder("float32", shape), null);
        return List.of();
      });
      TracedFunction result = g.trace(() -> List.of(m.result()));
      NativeArray t = Backend.array(yTrue, shape);
      NativeArray p = Backend.array(yPred, shape);
      update.call(List.of(t, p));
      t.close();
      p.close();
      try (NativeArray r = result.call(List.of()).get(0)) {
        return r.toFloatArray();
      }
    }
  }

  // four samples, one column: labels 1 1 0 0, scores 0.9 0.4 0.6 0.2
  private static final float[] T = {1, 1, 0, 0};
  private static final float[] P = {0.9f, 0.4f, 0.6f, 0.2f};
  private static final Shape S = Shape.of(4, 1);

  @Test
  void precisionAndRecallAtSeveralThresholds() {
    // > 0.3: predicted 0.9 0.4 0.6 -> tp 2, fp 1, fn 0; > 0.7: predicted 0.9 -> tp 1, fp 0, fn 1
    assertArrayEquals(new float[] {2f / 3, 1f}, result(new Precision().thresholds(0.3, 0.7), T, P, S), 1e-6f);
    assertArrayEquals(new float[] {1f, 0.5f}, result(new Recall().thresholds(0.3, 0.7), T, P, S), 1e-6f);
    // one threshold: a scalar
    assertEquals(1, result(new Precision().thresholds(0.5), T, P, S).length);
  }

  @Test
  void topKAndClassIdPickPredictionsAndColumns() {
    // two samples, three classes; top 1 of each row: class 0 for row 0, class 2 for row 1
    float[] t = {1, 1, 0, 0, 0, 1};
    float[] p = {0.5f, 0.4f, 0.1f, 0.3f, 0.2f, 0.35f};
    Shape s = Shape.of(2, 3);
    // top-1 predictions are both right: precision 1; of the three true labels two are predicted: recall 2/3
    assertEquals(1f, result(new Precision().topK(1), t, p, s)[0], 1e-6f);
    assertEquals(2f / 3, result(new Recall().topK(1), t, p, s)[0], 1e-6f);
    // class 1 alone: labels 1 0, scores 0.4 0.2 at 0.5 -> nothing predicted, recall 0; at 0.35 -> tp 1
    assertEquals(0f, result(new Recall().classId(1), t, p, s)[0], 1e-6f);
    assertEquals(1f, result(new Recall().classId(1).thresholds(0.35), t, p, s)[0], 1e-6f);
    // top 2 then class 1: row 0 keeps 0.4 (second), row 1 drops 0.2 (third): tp 1, fp 0
    assertEquals(1f, result(new Precision().topK(2).classId(1).thresholds(0.1), t, p, s)[0], 1e-6f);
  }

  @Test
  void aucSummationMethodsOnThreeThresholds() {
    // thresholds -1e-7, 0.5, 1+1e-7: counts (tp, fp, tn, fn) = (2,2,0,0), (1,1,1,1), (0,0,2,2)
    // ROC points (fpr, tpr): (1,1), (0.5,0.5), (0,0)
    AUC interpolation = new AUC().numThresholds(3);
    assertEquals(0.5f, result(interpolation, T, P, S)[0], 1e-6f);
    assertEquals(0.25f, result(new AUC().numThresholds(3).summationMethod("minoring"), T, P, S)[0], 1e-6f);
    assertEquals(0.75f, result(new AUC().numThresholds(3).summationMethod("Majoring"), T, P, S)[0], 1e-6f);
    // PR, majoring: (recall, precision) = (1, 0.5), (0.5, 0.5), (0, 0): 0.5*0.5 + 0.5*0.5
    assertEquals(0.5f, result(new AUC().numThresholds(3).curve("pr").summationMethod("majoring"), T, P, S)[0],
        1e-6f);
  }

  @Test
  void aucFromLogitsAppliesASigmoid() {
    // logit 0 is probability 0.5, below the middle threshold only by the strict comparison
    float[] logits = new float[4];
    for (int i = 0; i < 4; i++) {
      logits[i] = (float) Math.log(P[i] / (1 - P[i]));
    }
    float probs = result(new AUC().numThresholds(3), T, P, S)[0];
    assertEquals(probs, result(new AUC().numThresholds(3).fromLogits(true), T, logits, S)[0], 1e-6f);
  }

  @Test
  void multiLabelAucAveragesThePerLabelAreasWithLabelWeights() {
    // label 0 separates perfectly (area 1); label 1 is inverted (area 0)
    float[] t = {1, 0, 0, 1};
    float[] p = {0.9f, 0.8f, 0.1f, 0.2f};
    Shape s = Shape.of(2, 2);
    assertEquals(0.5f, result(new AUC().numThresholds(3).multiLabel(true), t, p, s)[0], 1e-6f);
    assertEquals(0.75f, result(new AUC().numThresholds(3).multiLabel(true).labelWeights(3, 1), t, p, s)[0], 1e-6f);
  }

  @Test
  void badArgumentsAreRefusedWithTheReceivedValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AUC().curve("XY"));
    assertTrue(e.getMessage().contains("XY") && e.getMessage().contains("ROC"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Precision().thresholds(1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Recall().topK(0));
    assertTrue(e.getMessage().contains("top_k=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new AUC().numThresholds(1));
    assertTrue(e.getMessage().contains("num_thresholds=1"), e.getMessage());
  }
}
