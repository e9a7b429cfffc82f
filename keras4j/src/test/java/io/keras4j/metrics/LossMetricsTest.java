package io.keras4j.metrics;

import static io.keras4j.metrics.MetricRun.weightedMean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loss-based mean metrics (KLDivergence, Poisson, LogCoshError, CosineSimilarity, the hinges, MAPE, MSLE, the
 * cross-entropies) and Sum on two or three samples with sample weights, the per-sample values worked out in plain
 * Java from Keras' formulas.
 */
class LossMetricsTest {
  private static final Shape S22 = Shape.of(2, 2);
  private static final double[] W = {1, 3};

  private static float value(Metric m, Shape shape, float[] t, float[] p, double[] w) {
    MetricRun run = new MetricRun(m, shape);
    if (w != null) {
      float[] wf = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        wf[i] = (float) w[i];
      }
      run.weights(Shape.of(w.length)).batch(t, p, wf);
    } else {
      run.batch(t, p);
    }
    float[] r = run.result();
    assertEquals(1, r.length, "a scalar result");
    return r[0];
  }

  private static double mean2(double a, double b) {
    return (a + b) / 2;
  }

  @Test
  void poissonIsTheMeanOfPredMinusTrueTimesLogPred() {
    float[] t = {1, 2, 0, 1};
    float[] p = {1, 1, 2, 0.5f};
    // per sample: mean(p - t log p): (1 + 1) / 2 = 1, (2 + 0.5 - log 0.5) / 2
    double[] v = {1, (2.5 - Math.log(0.5)) / 2};
    assertEquals(weightedMean(v, null), value(new Poisson(), S22, t, p, null), 1e-5);
    assertEquals(weightedMean(v, W), value(new Poisson(), S22, t, p, W), 1e-5);
  }

  @Test
  void poissonAccumulatesOverBatchesAndResets() {
    float[] t = {1, 2, 0, 1};
    float[] p = {1, 1, 2, 0.5f};
    float[] t2 = {3, 0, 1, 1};
    float[] p2 = {2, 1, 1, 1};
    double s0 = 1;
    double s1 = (2.5 - Math.log(0.5)) / 2;
    double s2 = (2 - 3 * Math.log(2) + 1) / 2;
    double s3 = 1;
    Poisson m = new Poisson();
    float[] both = new MetricRun(m, S22).batch(t, p).batch(t2, p2).result();
    assertEquals((s0 + s1 + s2 + s3) / 4, both[0], 1e-5);
    float[] afterReset = new MetricRun(new Poisson(), S22).batch(t, p).reset().batch(t2, p2).result();
    assertEquals((s2 + s3) / 2, afterReset[0], 1e-5);
  }

  @Test
  void klDivergenceSumsTrueTimesLogRatio() {
    float[] t = {0.2f, 0.8f, 0.6f, 0.4f};
    float[] p = {0.4f, 0.6f, 0.5f, 0.5f};
    double[] v = {0.2 * Math.log(0.5) + 0.8 * Math.log(0.8 / 0.6), 0.6 * Math.log(1.2) + 0.4 * Math.log(0.8)};
    assertEquals(weightedMean(v, W), value(new KLDivergence(), S22, t, p, W), 1e-5);
  }

  @Test
  void logCoshErrorAveragesLogCoshOfTheError() {
    float[] t = {0, 1, 2, -1};
    float[] p = {0.5f, 0.5f, 1, 1};
    double[] v = {mean2(Math.log(Math.cosh(0.5)), Math.log(Math.cosh(-0.5))),
        mean2(Math.log(Math.cosh(-1)), Math.log(Math.cosh(2)))};
    assertEquals(weightedMean(v, W), value(new LogCoshError(), S22, t, p, W), 1e-5);
    assertEquals("logcosh", new LogCoshError().name());
  }

  @Test
  void cosineSimilarityIsPositiveForAlignedVectors() {
    float[] t = {1, 0, 1, 1};
    float[] p = {1, 1, -1, -1};
    double[] v = {1 / Math.sqrt(2), -1};
    assertEquals(weightedMean(v, W), value(new CosineSimilarity(), S22, t, p, W), 1e-5);
    // along axis 0: columns (1, 1) . (1, -1) = 0 and (0, 1) . (1, -1) -> -1/sqrt(2); two "samples" of one value each
    assertEquals((0 - 1 / Math.sqrt(2)) / 2, value(new CosineSimilarity().axis(0), S22, t, p, null), 1e-5);
  }

  @Test
  void hingesTakeZeroOneLabelsAsMinusOneOne() {
    float[] t = {0, 1, 1, 0};
    float[] p = {0.3f, 0.6f, -0.2f, 0.4f};
    // labels -1 1 / 1 -1: max(1 - t p, 0) = 1.3 0.4 / 1.2 1.4
    double[] hinge = {mean2(1.3, 0.4), mean2(1.2, 1.4)};
    double[] squared = {mean2(1.3 * 1.3, 0.4 * 0.4), mean2(1.2 * 1.2, 1.4 * 1.4)};
    assertEquals(weightedMean(hinge, W), value(new Hinge(), S22, t, p, W), 1e-5);
    assertEquals(weightedMean(squared, W), value(new SquaredHinge(), S22, t, p, W), 1e-5);
  }

  @Test
  void categoricalHingeComparesTheTrueScoreWithTheBestWrongOne() {
    float[] t = {0, 1, 0, 1, 0, 0};
    float[] p = {0.2f, 0.5f, 0.3f, 0.1f, 0.6f, 0.3f};
    // pos 0.5, neg 0.3 -> 0.8; pos 0.1, neg 0.6 -> 1.5
    double[] v = {0.8, 1.5};
    assertEquals(weightedMean(v, W), value(new CategoricalHinge(), Shape.of(2, 3), t, p, W), 1e-5);
  }

  @Test
  void percentageAndLogarithmicErrors() {
    float[] t = {1, 2, 4, -2};
    float[] p = {1.5f, 1, 4, -1};
    // 100 |t - p| / |t|: 50 50 / 0 50
    assertEquals(weightedMean(new double[] {50, 25}, W), value(new MeanAbsolutePercentageError(), S22, t, p, W),
        1e-3);
    float[] t2 = {1, 2, 0, 3};
    float[] p2 = {2, 2, 1, 0};
    double a = Math.log(3) - Math.log(2);
    double b = Math.log(2);
    double c = Math.log(4);
    double[] v = {mean2(a * a, 0), mean2(b * b, c * c)};
    assertEquals(weightedMean(v, W), value(new MeanSquaredLogarithmicError(), S22, t2, p2, W), 1e-5);
  }

  private static double bce(double t, double p) {
    return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void binaryCrossentropyWithSmoothingAndLogits() {
    float[] t = {0, 1, 1, 1};
    float[] p = {0.2f, 0.7f, 0.9f, 0.4f};
    double[] plain = {mean2(bce(0, 0.2), bce(1, 0.7)), mean2(bce(1, 0.9), bce(1, 0.4))};
    assertEquals(weightedMean(plain, W), value(new BinaryCrossentropy(), S22, t, p, W), 1e-5);
    // smoothing 0.2: labels 0.1 / 0.9
    double[] smooth = {mean2(bce(0.1, 0.2), bce(0.9, 0.7)), mean2(bce(0.9, 0.9), bce(0.9, 0.4))};
    assertEquals(weightedMean(smooth, W), value(new BinaryCrossentropy().labelSmoothing(0.2), S22, t, p, W), 1e-5);
    float[] logits = {-1.5f, 0.8f, 2, -0.3f};
    double[] fromLogits = {mean2(bce(0, sigmoid(-1.5)), bce(1, sigmoid(0.8))),
        mean2(bce(1, sigmoid(2)), bce(1, sigmoid(-0.3)))};
    assertEquals(weightedMean(fromLogits, null), value(new BinaryCrossentropy().fromLogits(true), S22, t, logits,
        null), 1e-5);
  }

  @Test
  void categoricalCrossentropies() {
    Shape s = Shape.of(2, 3);
    float[] t = {0, 1, 0, 1, 0, 0};
    float[] p = {0.2f, 0.5f, 0.3f, 0.6f, 0.3f, 0.1f};
    double[] plain = {-Math.log(0.5), -Math.log(0.6)};
    assertEquals(weightedMean(plain, W), value(new CategoricalCrossentropy(), s, t, p, W), 1e-5);
    // smoothing 0.3 over 3 classes: 0.1 off, 0.8 on
    double[] smooth = {-(0.1 * Math.log(0.2) + 0.8 * Math.log(0.5) + 0.1 * Math.log(0.3)),
        -(0.8 * Math.log(0.6) + 0.1 * Math.log(0.3) + 0.1 * Math.log(0.1))};
    assertEquals(weightedMean(smooth, W), value(new CategoricalCrossentropy().labelSmoothing(0.3), s, t, p, W), 1e-5);
    float[] logits = {1, 2, 0.5f, 0.3f, -1, 2};
    double lse0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5));
    double lse1 = Math.log(Math.exp(0.3) + Math.exp(-1) + Math.exp(2));
    assertEquals(mean2(lse0 - 2, lse1 - 0.3), value(new CategoricalCrossentropy().fromLogits(true), s, t, logits,
        null), 1e-5);
    // sparse labels 1, 0 of shape (2, 1) give the plain values
    float sparse = new MetricRun(new SparseCategoricalCrossentropy(), Shape.of(2, 1), s).weights(Shape.of(2))
        .batch(new float[] {1, 0}, p, new float[] {1, 3}).result()[0];
    assertEquals(weightedMean(plain, W), sparse, 1e-5);
  }

  @Test
  void sparseIgnoreClassLeavesTheCountOnlyWithSampleWeights() {
    Shape s = Shape.of(3, 3);
    float[] labels = {0, 1, 2};
    float[] p = {0.7f, 0.2f, 0.1f, 0.2f, 0.5f, 0.3f, 0.1f, 0.1f, 0.8f};
    double l0 = -Math.log(0.7);
    double l1 = -Math.log(0.5);
    // without weights the ignored sample counts as 0 (Keras 3.15.1); with weights it leaves the count
    float plain = new MetricRun(new SparseCategoricalCrossentropy().ignoreClass(2), Shape.of(3), s)
        .batch(labels, p).result()[0];
    assertEquals((l0 + l1) / 3, plain, 1e-5);
    float weighted = new MetricRun(new SparseCategoricalCrossentropy().ignoreClass(2), Shape.of(3), s)
        .weights(Shape.of(3)).batch(labels, p, new float[] {1, 2, 3}).result()[0];
    assertEquals((l0 + 2 * l1) / 3, weighted, 1e-5);
  }

  @Test
  void sumAddsWeightedValues() {
    // Keras' example: values 1 3 5 7 sum to 16; weights 1 1 0 0 give 4
    Shape s = Shape.of(4);
    float[] values = {1, 3, 5, 7};
    assertEquals(16f, new MetricRun(new Sum(), s).batch(values, values).result()[0], 1e-6);
    assertEquals(4f, new MetricRun(new Sum(), s).weights(s).batch(values, values, new float[] {1, 1, 0, 0})
        .result()[0], 1e-6);
    // per-sample weights over rows: 1 * (1 + 3) + 0.5 * (5 + 7)
    assertEquals(10f, new MetricRun(new Sum(), S22).weights(Shape.of(2)).batch(values, values, new float[] {1, 0.5f})
        .result()[0], 1e-6);
  }

  @Test
  void namesAndConfigsFollowKeras() {
    assertEquals("kl_divergence", Metrics.get("kl_divergence").name());
    assertTrue(Metrics.get("KLDivergence") instanceof KLDivergence);
    assertTrue(Metrics.get("mape") instanceof MeanAbsolutePercentageError);
    assertTrue(Metrics.get("MSLE") instanceof MeanSquaredLogarithmicError);
    assertTrue(Metrics.get("bce") instanceof BinaryCrossentropy);
    assertTrue(Metrics.get("log_cosh_error") instanceof LogCoshError);
    assertEquals("mape", Metrics.get("mape").name()); // a metric given by name logs under it, as in Keras' compile
    Map<String, Object> c = new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1).axis(1).getConfig();
    assertEquals(Map.of("name", "categorical_crossentropy", "dtype", "float32", "from_logits", true,
        "label_smoothing", 0.1, "axis", 1), c);
    CategoricalCrossentropy back = CategoricalCrossentropy.fromConfig(c);
    assertEquals(1, back.axis());
    assertEquals(0.1, back.labelSmoothing());
    assertEquals(Map.of("name", "cosine_similarity", "dtype", "float32", "axis", 0),
        new CosineSimilarity().axis(0).getConfig());
    assertEquals(Integer.valueOf(2), SparseCategoricalCrossentropy.fromConfig(Map.of("ignore_class", 2)).ignoreClass());
  }

  @Test
  void badArgumentsAreRefusedWithTheReceivedValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BinaryCrossentropy().labelSmoothing(1.5));
    assertTrue(e.getMessage().contains("label_smoothing=1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SparseCategoricalCrossentropy().axis(1));
    assertTrue(e.getMessage().contains("axis=1"), e.getMessage());
  }
}
