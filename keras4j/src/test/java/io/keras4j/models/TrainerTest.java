package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.Backend;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Dense;
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
