package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stateful metrics accumulated over several batches equal the same metric computed on all data at once in plain
 * Java. The model is the identity (one weight of 1, no bias), so its predictions are its inputs.
 */
class MetricsTest {
  static Sequential identity(Object... metrics) {
    Sequential m = new Sequential();
    m.add(new Dense(1).kernelInitializer("ones").useBias(false).inputDim(1));
    m.compile(new CompileOptions().optimizer("sgd").loss("mse").metrics(metrics));
    return m;
  }

  @Test
  void binaryMetricsOverSeveralBatches() {
    Random r = new Random(4);
    int n = 103;
    float[][] p = new float[n][1];
    float[] y = new float[n];
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int right = 0;
    for (int i = 0; i < n; i++) {
      y[i] = r.nextBoolean() ? 1 : 0;
      p[i][0] = (float) Math.min(1, Math.max(0, 0.5 * y[i] + 0.6 * r.nextDouble() - 0.05));
      boolean pos = p[i][0] > 0.5;
      tp += pos && y[i] == 1 ? 1 : 0;
      fp += pos && y[i] == 0 ? 1 : 0;
      fn += !pos && y[i] == 1 ? 1 : 0;
      right += (pos ? 1 : 0) == y[i] ? 1 : 0;
    }
    Map<String, Double> logs = identity("accuracy", "precision", "recall", "mae").evaluate(p, y, 10);
    assertEquals((double) right / n, logs.get("accuracy"), 1e-6);
    assertEquals((double) tp / (tp + fp), logs.get("precision"), 1e-6);
    assertEquals((double) tp / (tp + fn), logs.get("recall"), 1e-6);
    double mae = 0;
    for (int i = 0; i < n; i++) {
      mae += Math.abs(p[i][0] - y[i]) / n;
    }
    assertEquals(mae, logs.get("mae"), 1e-5);
  }

  @Test
  void regressionMetricsByNameAccumulateOverBatchesAndResetPerEvaluation() {
    Random r = new Random(7);
    int n = 37;
    float[][] p = new float[n][1];
    float[] y = new float[n];
    double mape = 0;
    double msle = 0;
    double poisson = 0;
    double sq = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      p[i][0] = (float) (0.5 + r.nextDouble());
      y[i] = (float) (0.5 + r.nextDouble());
      mape += 100 * Math.abs((y[i] - p[i][0]) / y[i]) / n;
      double d = Math.log(p[i][0] + 1) - Math.log(y[i] + 1);
      msle += d * d / n;
      poisson += (p[i][0] - y[i] * Math.log(p[i][0])) / n;
      sq += Math.pow(p[i][0] - y[i], 2);
      mean += y[i] / (double) n;
    }
    double tot = 0;
    for (int i = 0; i < n; i++) {
      tot += Math.pow(y[i] - mean, 2);
    }
    Sequential m = identity("mape", "msle", "poisson", "root_mean_squared_error", "r2_score");
    for (int run = 0; run < 2; run++) { // the second evaluation starts from zeroed state
      Map<String, Double> logs = m.evaluate(p, y, 8);
      assertEquals(mape, logs.get("mape"), 1e-3);
      assertEquals(msle, logs.get("msle"), 1e-5);
      assertEquals(poisson, logs.get("poisson"), 1e-5);
      assertEquals(Math.sqrt(sq / n), logs.get("root_mean_squared_error"), 1e-5);
      assertEquals(1 - sq / tot, logs.get("r2_score"), 1e-4);
    }
  }

  @Test
  void countsAndF1InCompile() {
    Random r = new Random(5);
    int n = 29;
    float[][] p = new float[n][1];
    float[][] y = new float[n][1];
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < n; i++) {
      y[i][0] = r.nextBoolean() ? 1 : 0;
      p[i][0] = (float) Math.min(1, Math.max(0, 0.4 * y[i][0] + 0.7 * r.nextDouble() - 0.05));
      boolean pos = p[i][0] > 0.5;
      tp += pos && y[i][0] == 1 ? 1 : 0;
      fp += pos && y[i][0] == 0 ? 1 : 0;
      fn += !pos && y[i][0] == 1 ? 1 : 0;
    }
    Map<String, Double> logs = identity("true_positives", "false_positives", "false_negatives",
        new F1Score().threshold(0.5)).evaluate(p, y, 6);
    assertEquals(tp, logs.get("true_positives"), 1e-6);
    assertEquals(fp, logs.get("false_positives"), 1e-6);
    assertEquals(fn, logs.get("false_negatives"), 1e-6);
    assertEquals(2.0 * tp / (2.0 * tp + fp + fn), logs.get("f1_score"), 1e-5);
  }

  @Test
  void aucApproachesTheExactRocArea() {
    Random r = new Random(9);
    int n = 400;
    float[][] p = new float[n][1];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      p[i][0] = (float) Math.min(1, Math.max(0, 0.35 + 0.3 * y[i] + 0.2 * r.nextGaussian()));
    }
    // exact ROC AUC: the probability a positive scores above a negative (Mann-Whitney), ties counted half
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += p[i][0] > p[j][0] ? 1 : p[i][0] == p[j][0] ? 0.5 : 0;
        }
      }
    }
    double auc = identity("auc").evaluate(p, y, 64).get("auc");
    assertEquals(wins / pairs, auc, 5e-3); // 200 thresholds: a discretised area
  }

  @Test
  void perfectSeparationGivesUnitRocAndPrArea() {
    float[][] p = {{0.1f}, {0.2f}, {0.8f}, {0.9f}};
    float[] y = {0, 0, 1, 1};
    assertEquals(1.0, identity("auc").evaluate(p, y, 2).get("auc"), 1e-6);
    assertEquals(1.0, identity(new AUC().curve("PR")).evaluate(p, y, 2).get("auc"), 1e-6);
  }

  @Test
  void sparseCategoricalAndTopK() {
    float[][] x = {{1}, {2}, {3}};
    Sequential m = new Sequential();
    m.add(new Dense(3).kernelInitializer(new io.keras4j.initializers.Constant(0)).useBias(true)
        .biasInitializer(new io.keras4j.initializers.Constant(0)).inputDim(1));
    m.compile(new CompileOptions().optimizer("sgd").loss(new io.keras4j.losses.SparseCategoricalCrossentropy()
        .fromLogits(true)).metrics(new SparseCategoricalAccuracy(),
        new SparseTopKCategoricalAccuracy().k(2)));
    m.setWeights(java.util.List.of(new float[][] {{1, 0, -1}}, new float[] {0, 0.5f, 0}));
    // logits per x: (x, 0.5, -x): x=1 -> class 0; ranks: x=1: [0,1,2]; x=2: [0,1,2]; x=3: [0,1,2]
    Map<String, Double> logs = m.evaluate(x, new float[] {0, 1, 2}, 2);
    assertEquals(1.0 / 3, logs.get("sparse_categorical_accuracy"), 1e-6);
    assertEquals(2.0 / 3, logs.get("sparse_top_k_categorical_accuracy"), 1e-6);
  }

  @Test
  void classificationReportByHand() {
    ClassificationReport r = ClassificationReport.of(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 0}, "a", "b");
    assertEquals(0.5, r.precision(0), 1e-12);
    assertEquals(2.0 / 3, r.recall(1), 1e-12);
    assertEquals(2 * (2.0 / 3) * (2.0 / 3) / (4.0 / 3), r.f1(1), 1e-12);
    assertEquals(0.6, r.accuracy(), 1e-12);
  }
}
