package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The new metrics used by compile: logged by evaluate (over several batches) and fit, as the metric itself gives. */
class NewMetricsInModelTest {
  @Test
  void rateAndIoUMetricsInEvaluate() {
    float[][] x = {{0}, {0.3f}, {0.8f}, {0.3f}, {0.8f}};
    float[] y = {0, 0, 0, 1, 1};
    try (Sequential m = MetricsTest.identity(new SensitivityAtSpecificity(0.5), new SpecificityAtSensitivity(0.5),
        new PrecisionAtRecall(0.5), new RecallAtPrecision(0.5), new BinaryIoU().threshold(0.3))) {
      Map<String, Double> logs = m.evaluate(x, y, 2);
      assertEquals(0.5, logs.get("sensitivity_at_specificity"), 1e-6);
      assertEquals(2.0 / 3, logs.get("specificity_at_sensitivity"), 1e-6);
      assertEquals(0.5, logs.get("precision_at_recall"), 1e-6);
      // precision >= 0.5 below 0.3 (2/4) and in [0.3, 0.8) (1/2): recall 1
      assertEquals(1.0, logs.get("recall_at_precision"), 1e-6);
      // predicted (>= 0.3) 0, 1, 1, 1, 1: cm = [[1, 2], [0, 2]]
      assertEquals((1.0 / 3 + 2.0 / 4) / 2, logs.get("binary_io_u"), 1e-6);
    }
  }

  @Test
  void oneHotIoUMetricsInFitAndEvaluate() {
    Random r = new Random(3);
    int n = 24;
    float[][] x = new float[n][2];
    float[][] y = new float[n][3];
    float[] ids = new float[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = (float) r.nextGaussian();
      x[i][1] = (float) r.nextGaussian();
      int c = x[i][0] > 0.5 ? 2 : x[i][0] < -0.5 ? 0 : 1;
      y[i][c] = 1;
      ids[i] = c;
    }
    try (Sequential m = new Sequential()) {
      m.add(new Dense(3).activation("softmax").inputDim(2));
      m.compile(new CompileOptions().optimizer("adam").loss("categorical_crossentropy").metrics(
          new OneHotMeanIoU(3), new OneHotIoU(3, 0, 2), new MeanIoU(3).sparseYTrue(false).sparseYPred(false),
          new PearsonCorrelation()));
      History h = m.fit(x, y, 2, 8);
      for (String key : List.of("one_hot_mean_io_u", "one_hot_io_u", "mean_io_u", "pearson_correlation")) {
        assertEquals(2, h.get(key).size(), key);
      }
      Map<String, Double> logs = m.evaluate(x, y, 5);
      float[] p = m.predict(x).toFloatArray();
      float[] t = new float[n * 3];
      for (int i = 0; i < n; i++) {
        System.arraycopy(y[i], 0, t, 3 * i, 3);
      }
      float expected = new MetricRun(new OneHotMeanIoU(3), Shape.of(n, 3)).batch(t, p).result()[0];
      assertEquals(expected, logs.get("one_hot_mean_io_u"), 1e-6);
      assertEquals(logs.get("one_hot_mean_io_u"), logs.get("mean_io_u"), 1e-6);
      float sparse = new MetricRun(new MeanIoU(3).sparseYPred(false), Shape.of(n), Shape.of(n, 3)).batch(ids, p)
          .result()[0];
      assertEquals(sparse, logs.get("mean_io_u"), 1e-6);
      assertTrue(logs.get("one_hot_io_u") >= 0 && logs.get("one_hot_io_u") <= 1, logs.toString());
    }
  }
}
