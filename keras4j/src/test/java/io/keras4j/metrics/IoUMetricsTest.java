package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IoU, MeanIoU, BinaryIoU, OneHotIoU and OneHotMeanIoU on the examples of Keras' docstrings, worked by hand from
 * the confusion matrix {@code cm[true][pred]}: {@code iou = tp / (row + col - tp)} per class.
 */
class IoUMetricsTest {
  private static final float[] T = {0, 0, 1, 1};
  private static final float[] P = {0, 1, 0, 1};
  private static final float[][] ONE_HOT = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}};
  private static final float[][] SCORES = {{0.2f, 0.3f, 0.5f}, {0.1f, 0.2f, 0.7f}, {0.5f, 0.3f, 0.1f},
      {0.1f, 0.4f, 0.5f}};
  private static final float[] W = {0.1f, 0.2f, 0.3f, 0.4f};

  private static float run(Metric m, Shape shape, float[] t, float[] p, float[] w) {
    MetricRun run = new MetricRun(m, shape);
    if (w != null) {
      run.weights(Shape.of(w.length));
    }
    return run.batch(t, p, w).result()[0];
  }

  private static float[] flat(float[][] x) {
    float[] out = new float[x.length * x[0].length];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
    }
    return out;
  }

  @Test
  void iouOfOneClass() {
    // cm = [[1, 1], [1, 1]]: class 0 has tp 1, row 2, col 2
    assertEquals(1.0 / 3, run(new IoU(2, 0), Shape.of(4), T, P, null), 1e-6);
    // float dtype: cm = [[0.3, 0.3], [0.3, 0.1]]
    assertEquals(0.3 / (0.6 + 0.6 - 0.3), run(new IoU(2, 0).dtype("float32"), Shape.of(4), T, P,
        new float[] {0.3f, 0.3f, 0.3f, 0.1f}), 1e-6);
  }

  @Test
  void intDtypeTruncatesWeightsAsKerasDoes() {
    IoU iou = new IoU(2, 0);
    assertEquals("int64", iou.dtype());
    // weights 0.3 become 0: nothing is counted
    assertEquals(0.0, run(iou, Shape.of(4), T, P, new float[] {0.3f, 0.3f, 0.3f, 0.1f}), 1e-6);
    // weights (2.7, 1, 1, 1) become (2, 1, 1, 1): cm = [[2, 1], [1, 1]]
    assertEquals(2.0 / (3 + 3 - 2), run(new IoU(2, 0), Shape.of(4), T, P, new float[] {2.7f, 1, 1, 1}), 1e-6);
    assertEquals("int64", iou.variables().get(0).dtype());
    assertEquals("total_confusion_matrix", iou.variables().get(0).name());
    assertEquals(Shape.of(2, 2), iou.variables().get(0).shape());
  }

  @Test
  void meanIoUAveragesEveryClass() {
    assertEquals(1.0 / 3, run(new MeanIoU(2), Shape.of(4), T, P, null), 1e-6);
    assertEquals((0.3 / 0.9 + 0.1 / (0.4 + 0.4 - 0.1)) / 2, run(new MeanIoU(2).dtype("float32"), Shape.of(4), T, P,
        new float[] {0.3f, 0.3f, 0.3f, 0.1f}), 1e-6);
  }

  @Test
  void ignoredAndOutOfRangeLabelsAddNothing() {
    // (0,0) counts, (1,0) is ignored, (2,2) counts, (5,2) is out of range; class 1 never occurs and is left out
    float r = run(new MeanIoU(3).ignoreClass(1), Shape.of(4), new float[] {0, 1, 2, 5}, new float[] {0, 0, 2, 2},
        null);
    assertEquals(2 / (2 + 1e-7), r, 1e-6);
  }

  @Test
  void binaryIoUThresholdsThePredictions() {
    float[] p = {0.1f, 0.2f, 0.4f, 0.7f};
    float[] t = {0, 1, 0, 1};
    // predicted (>= 0.3): 0, 0, 1, 1, so cm = [[1, 1], [1, 1]]
    assertEquals(1.0 / 3, run(new BinaryIoU().threshold(0.3), Shape.of(4), t, p, null), 1e-6);
    // cm = [[0.2, 0.4], [0.3, 0.1]]
    double expected = (0.2 / (0.6 + 0.5 - 0.2) + 0.1 / (0.4 + 0.5 - 0.1)) / 2;
    assertEquals(expected, run(new BinaryIoU().threshold(0.3).dtype("float32"), Shape.of(4), t, p,
        new float[] {0.2f, 0.3f, 0.4f, 0.1f}), 1e-6);
    assertEquals(0.1 / 0.8, run(new BinaryIoU().targetClassIds(1).threshold(0.3).dtype("float32"), Shape.of(4), t,
        p, new float[] {0.2f, 0.3f, 0.4f, 0.1f}), 1e-6);
  }

  @Test
  void oneHotIoUTakesTheArgmax() {
    // cm = [[0, 0, 0.2 + 0.4], [0.3, 0, 0], [0, 0, 0.1]]
    assertEquals((0 / 0.9 + 0.1 / 0.7) / 2, run(new OneHotIoU(3, 0, 2).dtype("float32"), Shape.of(4, 3),
        flat(ONE_HOT), flat(SCORES), W), 1e-6);
    assertEquals((0 + 0 + 0.1 / 0.7) / 3, run(new OneHotMeanIoU(3).dtype("float32"), Shape.of(4, 3),
        flat(ONE_HOT), flat(SCORES), W), 1e-6);
  }

  @Test
  void sparsePredictionsWithOneHotLabels() {
    MetricRun run = new MetricRun(new OneHotMeanIoU(3).sparseYPred(true), Shape.of(4, 3), Shape.of(4));
    // labels 2, 0, 1, 0 against predictions 2, 2, 1, 0: cm diag (1, 1, 1), cm[0][2] = 1
    float r = run.batch(flat(ONE_HOT), new float[] {2, 2, 1, 0}).result()[0];
    assertEquals((1.0 / 2 + 1.0 / 1 + 1.0 / 2) / 3, r, 1e-6);
  }

  @Test
  void invalidArgumentsAreRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IoU(2, 0, 2));
    assertTrue(e.getMessage().contains("Target class id 2 is out of range"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IoU(2));
    assertTrue(e.getMessage().contains("target_class_ids"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MeanIoU(0));
    assertTrue(e.getMessage().contains("num_classes=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MeanIoU(2).dtype("float16"));
    assertTrue(e.getMessage().contains("dtype=float16"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("io_u"));
    assertTrue(e.getMessage().contains("num_classes"), e.getMessage());
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    IoU iou = new IoU(4, 1, 3).ignoreClass(0).sparseYPred(false).axis(1);
    Map<String, Object> c = iou.getConfig();
    assertEquals(List.of(1, 3), c.get("target_class_ids"));
    assertEquals(0, c.get("ignore_class"));
    assertEquals(c, IoU.fromConfig(c).getConfig());
    BinaryIoU b = new BinaryIoU().targetClassIds(1).threshold(0.25).name("b");
    assertEquals(Map.of("name", "b", "dtype", "int64", "target_class_ids", List.of(1), "threshold", 0.25),
        b.getConfig());
    assertEquals(b.getConfig(), Metrics.get(Map.of("class_name", "BinaryIoU", "config", b.getConfig())).getConfig());
  }
}
