package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TruePositives, FalsePositives, TrueNegatives and FalseNegatives on four samples counted by hand. */
class ConfusionCountsTest {
  // labels 1 1 0 0, scores 0.9 0.4 0.6 0.2
  private static final float[] T = {1, 1, 0, 0};
  private static final float[] P = {0.9f, 0.4f, 0.6f, 0.2f};
  private static final Shape S = Shape.of(4, 1);

  @Test
  void countsAtTheDefaultThreshold() {
    // > 0.5: 0.9 (label 1) tp, 0.6 (label 0) fp; 0.4 (label 1) fn, 0.2 (label 0) tn
    assertArrayEquals(new float[] {1}, new MetricRun(new TruePositives(), S).batch(T, P).result());
    assertArrayEquals(new float[] {1}, new MetricRun(new FalsePositives(), S).batch(T, P).result());
    assertArrayEquals(new float[] {1}, new MetricRun(new TrueNegatives(), S).batch(T, P).result());
    assertArrayEquals(new float[] {1}, new MetricRun(new FalseNegatives(), S).batch(T, P).result());
  }

  @Test
  void weightedCountsAtSeveralThresholdsOverTwoBatches() {
    float[] w = {1, 2, 3, 4};
    // > 0.3: 0.9 0.4 0.6 predicted -> tp 1+2, fp 3, tn 4, fn 0; > 0.7: 0.9 -> tp 1, fp 0, tn 3+4, fn 2
    // the second batch repeats the first
    float[] tp = run(new TruePositives().thresholds(0.3, 0.7), w);
    assertArrayEquals(new float[] {6, 2}, tp, 1e-6f);
    assertArrayEquals(new float[] {6, 0}, run(new FalsePositives().thresholds(0.3, 0.7), w), 1e-6f);
    assertArrayEquals(new float[] {8, 14}, run(new TrueNegatives().thresholds(0.3, 0.7), w), 1e-6f);
    assertArrayEquals(new float[] {0, 4}, run(new FalseNegatives().thresholds(0.3, 0.7), w), 1e-6f);
  }

  private static float[] run(Metric m, float[] w) {
    return new MetricRun(m, Shape.of(4), Shape.of(4)).weights(Shape.of(4)).batch(T, P, w).batch(T, P, w).result();
  }

  @Test
  void resetZeroesTheCount() {
    float[] r = new MetricRun(new TruePositives(), S).batch(T, P).batch(T, P).reset().batch(T, P).result();
    assertArrayEquals(new float[] {1}, r);
  }

  @Test
  void configAndArguments() {
    assertEquals(Map.of("name", "true_positives", "dtype", "float32", "thresholds", List.of(0.3, 0.7)),
        new TruePositives().thresholds(0.3, 0.7).getConfig());
    assertArrayEquals(new double[] {0.25}, FalseNegatives.fromConfig(Map.of("thresholds", 0.25)).thresholds());
    assertTrue(Metrics.get("false_positives") instanceof FalsePositives);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrueNegatives().thresholds(1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new TrueNegatives().result());
  }
}
