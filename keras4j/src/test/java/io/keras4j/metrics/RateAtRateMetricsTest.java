package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall and RecallAtPrecision on the examples of
 * Keras' docstrings, worked by hand over the distinct cut points of the scores.
 */
class RateAtRateMetricsTest {
  private static final float[] T = {0, 0, 0, 1, 1};
  private static final float[] P = {0, 0.3f, 0.8f, 0.3f, 0.8f};

  private static float run(Metric m, float[] t, float[] p, float[] w) {
    MetricRun run = new MetricRun(m, Shape.of(t.length));
    if (w != null) {
      run.weights(Shape.of(w.length));
    }
    return run.batch(t, p, w).result()[0];
  }

  @Test
  void sensitivityAtSpecificity() {
    // cut below 0.3: spec 1/3; cut in [0.3, 0.8): spec 2/3, sens 1/2; cut at 0.8 or above: spec 1, sens 0
    assertEquals(0.5, run(new SensitivityAtSpecificity(0.5), T, P, null), 1e-6);
    // weights (1, 1, 2, 2, 1): cut in [0.3, 0.8): spec 2/4 >= 0.5, sens 1/3
    assertEquals(1.0 / 3, run(new SensitivityAtSpecificity(0.5), T, P, new float[] {1, 1, 2, 2, 1}), 1e-6);
  }

  @Test
  void specificityAtSensitivity() {
    // sens >= 0.5 up to the cut in [0.3, 0.8), where spec is 2/3
    assertEquals(2.0 / 3, run(new SpecificityAtSensitivity(0.5), T, P, null), 1e-6);
    // weights (1, 1, 2, 2, 2): cut in [0.3, 0.8): sens 2/4, spec 2/4
    assertEquals(0.5, run(new SpecificityAtSensitivity(0.5), T, P, new float[] {1, 1, 2, 2, 2}), 1e-6);
  }

  @Test
  void precisionAtRecall() {
    // recall >= 0.5 for cuts below 0.8: precision 2/4 (below 0.3) or 1/2 (in [0.3, 0.8))
    assertEquals(0.5, run(new PrecisionAtRecall(0.5), T, P, null), 1e-6);
    // weights (2, 2, 2, 1, 1): in [0.3, 0.8) tp 1, fp 2
    assertEquals(1.0 / 3, run(new PrecisionAtRecall(0.5), T, P, new float[] {2, 2, 2, 1, 1}), 1e-6);
  }

  @Test
  void recallAtPrecision() {
    float[] t = {0, 0, 1, 1};
    float[] p = {0, 0.5f, 0.3f, 0.9f};
    // precision >= 0.8 only from the cut in [0.5, 0.9): recall 1/2
    assertEquals(0.5, run(new RecallAtPrecision(0.8), t, p, null), 1e-6);
    // weights (1, 0, 0, 1): precision 1 everywhere it is defined, recall 1 below 0.9
    assertEquals(1.0, run(new RecallAtPrecision(0.8), t, p, new float[] {1, 0, 0, 1}), 1e-6);
  }

  @Test
  void oneThresholdIsHalf() {
    // at 0.5 alone: tp 1 (0.8), fp 1 (0.8), fn 1, tn 2: sens 1/2, spec 2/3
    assertEquals(0.5, run(new SensitivityAtSpecificity(0.6).numThresholds(1), T, P, null), 1e-6);
    assertEquals(0.0, run(new SensitivityAtSpecificity(0.7).numThresholds(1), T, P, null), 1e-6);
  }

  @Test
  void classIdCountsOneColumn() {
    MetricRun run = new MetricRun(new PrecisionAtRecall(1.0).classId(1), Shape.of(3, 2));
    // column 1: labels (1, 0, 1), scores (0.9, 0.6, 0.4): recall 1 needs a cut below 0.4: precision 2/3
    float r = run.batch(new float[] {0, 1, 1, 0, 0, 1}, new float[] {0.2f, 0.9f, 0.1f, 0.6f, 0.7f, 0.4f})
        .result()[0];
    assertEquals(2.0 / 3, r, 1e-6);
  }

  @Test
  void stateIsKerasFourCountsPerThreshold() {
    SpecificityAtSensitivity m = new SpecificityAtSensitivity(0.5).numThresholds(7);
    run(m, T, P, null);
    assertEquals(List.of("true_positives", "false_positives", "true_negatives", "false_negatives"),
        m.variables().stream().map(v -> v.name()).toList());
    assertEquals(Shape.of(7), m.variables().get(0).shape());
  }

  @Test
  void invalidArgumentsAreRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PrecisionAtRecall(1.5));
    assertTrue(e.getMessage().contains("recall=1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RecallAtPrecision(-0.1));
    assertTrue(e.getMessage().contains("precision=-0.1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SensitivityAtSpecificity(0.5).numThresholds(0));
    assertTrue(e.getMessage().contains("num_thresholds=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SpecificityAtSensitivity(0.5).classId(-1));
    assertTrue(e.getMessage().contains("class_id=-1"), e.getMessage());
  }
}
