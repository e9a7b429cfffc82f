package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** evaluate and predict: their callback hooks in Keras' order and their results. */
class TrainerTest {
  static final float[][] X = {{1}, {2}, {3}};
  static final float[] Y = {1, 2, 4};

  /** y = 1 * x + 0, so the errors are 0, 0 and 1. */
  static Sequential identity() {
    Backend.setRandomSeed(1);
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(new SGD(0.1), "mse", "mae");
    m.setWeights(List.of(new float[][] {{1f}}, new float[] {0f}));
    return m;
  }

  @Test
  void evaluateCallsTheTestHooksInKerasOrder() {
    Sequential m = identity();
    HookRecorder rec = new HookRecorder();
    Map<String, Double> logs = m.evaluate(X, Y, new EvaluateOptions().batchSize(2).callbacks(rec));
    assertEquals(List.of("test_begin", "test_batch_begin:0", "test_batch_end:0", "test_batch_begin:1",
        "test_batch_end:1", "test_end"), rec.calls);
    assertEquals(1.0 / 3, logs.get("loss"), 1e-6); // (0 + 0 + 1) / 3
    assertEquals(1.0 / 3, logs.get("mae"), 1e-6);
    assertEquals(0.0, rec.testBatchLogs.get(0).get("loss"), 1e-6); // running loss after batch 0: errors 0, 0
  }

  @Test
  void evaluatingADatasetCallsTheSameHooks() {
    Sequential m = identity();
    HookRecorder rec = new HookRecorder();
    Map<String, Double> logs = m.evaluate(Dataset.fromArrays(X, Y, 2, false, null),
        new EvaluateOptions().callbacks(rec));
    assertEquals(List.of("test_begin", "test_batch_begin:0", "test_batch_end:0", "test_batch_begin:1",
        "test_batch_end:1", "test_end"), rec.calls);
    assertEquals(1.0 / 3, logs.get("loss"), 1e-6);
  }

  @Test
  void evaluateWithoutBatchCallbacksGivesTheSameResults() {
    Sequential m = identity();
    assertEquals(Map.of("loss", 1.0 / 3, "mae", 1.0 / 3).keySet(), m.evaluate(X, Y, 2).keySet());
    assertEquals(1.0 / 3, m.evaluate(X, Y, 2).get("loss"), 1e-6);
    // batches of one: weighted losses 0, 0 and 3 * 1, averaged over the batches (weighted by their size)
    assertEquals(1.0, m.evaluate(X, Y, new float[] {1, 1, 3}, 1).get("loss"), 1e-6);
  }

  /**
   * Without sample weights Keras' "mean_with_sample_weight" divides by the number of loss values (reduce_values with
   * sample_weight=None), not by a sum of per-sample ones: a sequence output of 3 steps per sample shows the two apart.
   */
  @Test
  void unweightedMeanWithSampleWeightAveragesEveryStep() {
    Sequential m = new Sequential();
    m.add(new Dense(1).useBias(false).kernelInitializer("ones").inputShape(3, 2));
    m.compile(new CompileOptions().optimizer(new SGD(0)).loss(new MeanSquaredError().reduction(
        "mean_with_sample_weight")));
    float[][][] x = {{{1, 0}, {0, 2}, {1, 1}}, {{0, 0}, {3, 0}, {0, 1}}};
    float[][][] y = new float[2][3][1];
    double sum = 0; // squared errors of the outputs x0 + x1: 1, 4, 4, 0, 9, 1
    for (float[][] sample : x) {
      for (float[] step : sample) {
        sum += (step[0] + step[1]) * (step[0] + step[1]);
      }
    }
    assertEquals(sum / 6, m.evaluate(x, y, 2).get("loss"), 1e-6); // Keras 3.15.1 gives 3.1666667 (19 / 6)
    History h = m.fit(x, y, new FitOptions().batchSize(2).verbose(0)); // learning rate 0: the same loss
    assertEquals(sum / 6, h.history().get("loss").get(0), 1e-6);
  }

  /** Batches 0 and 1 of X and Y, the weights {@code w0} and {@code w1} (null for none). */
  static Dataset twoBatches(float[] w0, float[] w1) {
    return new Dataset() {
      @Override
      public int length() {
        return 2;
      }

      @Override
      public Batch get(int index) {
        return index == 0 ? new Batch(List.of(NDArray.of(new float[][] {{1}, {2}})),
            List.of(NDArray.of(new float[] {1, 2})), w0)
            : new Batch(List.of(NDArray.of(new float[][] {{3}})), List.of(NDArray.of(new float[] {4})), w1);
      }
    };
  }

  @Test
  void datasetBatchesGiveSampleWeightsInEveryBatchOrInNone() {
    Sequential m = identity();
    // errors 0, 0, 1: batch 0 (weights 1, 1) has loss 0; batch 1 (weight 3) has 3 * 1; averaged over 3 samples
    assertEquals(1.0, m.evaluate(twoBatches(new float[] {1, 1}, new float[] {3})).get("loss"), 1e-6);
    assertEquals(1.0 / 3, m.evaluate(twoBatches(null, null)).get("loss"), 1e-6);
    IllegalArgumentException some = assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(twoBatches(null, new float[] {3})));
    assertEquals("Batch 1 of the dataset has sample weights, but its first batch has none. Expected sample weights in "
        + "every batch or in none", some.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(twoBatches(new float[] {1, 1}, null)));
    assertEquals("Batch 1 of the dataset has no sample weights, but its first batch has some. Expected sample weights "
        + "in every batch or in none", none.getMessage());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(twoBatches(new float[] {1}, new float[] {3})));
    assertEquals("Batch 0 of the dataset has 1 sample weights; expected one per sample (2)", count.getMessage());
  }

  @Test
  void classWeightWithoutTargetsIsRefused() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(new CompileOptions().optimizer(new SGD(0.1))); // no loss: fit(x, null) trains on added losses
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.fit(X, null, new FitOptions().verbose(0).classWeight(Map.of(0, 2.0))));
    assertEquals("class_weight weighs each sample by its target's class; expected targets. Received: "
        + "class_weight={0=2.0} and y=null", e.getMessage());
  }

  @Test
  void predictCallsThePredictHooksInKerasOrder() {
    Sequential m = identity();
    HookRecorder rec = new HookRecorder();
    var out = m.predictOutputs(X, new PredictOptions().batchSize(2).callbacks(rec));
    assertEquals(List.of("predict_begin", "predict_batch_begin:0", "predict_batch_end:0", "predict_batch_begin:1",
        "predict_batch_end:1", "predict_end"), rec.calls);
    assertEquals(List.of(1f, 2f, 3f), List.of(out.get(0).getFloat(0, 0), out.get(0).getFloat(1, 0),
        out.get(0).getFloat(2, 0)));
  }

  @Test
  void compileConfigKeepsKerasKeysInOrder() {
    Sequential m = identity();
    Map<String, Object> c = m.compileConfig();
    assertEquals(List.of("optimizer", "loss", "loss_weights", "metrics", "weighted_metrics", "run_eagerly",
        "steps_per_execution", "jit_compile"), List.copyOf(c.keySet()));
    assertEquals("mse", c.get("loss")); // Keras keeps the name given to compile, as it keeps metrics=["mae"]
    assertEquals(List.of("mae"), c.get("metrics"));
  }
}
