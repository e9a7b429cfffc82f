package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.BackupAndRestore;
import io.keras4j.callbacks.History;
import io.keras4j.callbacks.LambdaCallback;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Dense;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one epoch loop of fit: hook order, arrays and Dataset alike, steps_per_execution, resume, validation. */
class FitLoopTest {
  static final float[][] X = new float[40][3];
  static final float[] Y = new float[40];

  static {
    Random r = new Random(6);
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 3; j++) {
        X[i][j] = (float) r.nextGaussian();
      }
      Y[i] = X[i][0] - X[i][1] + 0.5f * X[i][2];
    }
  }

  static Sequential model(int stepsPerExecution) {
    Backend.setRandomSeed(10);
    Sequential m = new Sequential();
    m.add(new Dense(4).activation("tanh").inputDim(3));
    m.add(new Dense(1));
    m.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse").stepsPerExecution(stepsPerExecution));
    return m;
  }

  static void assertSameWeights(Model a, Model b) {
    for (int i = 0; i < a.getWeights().size(); i++) {
      assertArrayEquals(a.getWeights().get(i).toFloatArray(), b.getWeights().get(i).toFloatArray(), 1e-6f,
          "weight " + i);
    }
  }

  /**
   * As Keras: steps_per_epoch 3 over 10 batches goes on with the pass (0-2, 3-5, 6-8, then 9 alone), so 4 epochs
   * train as one epoch over all 10 batches; at steps_per_execution 2 each epoch takes whole calls (0-3, 4-7, 8-9), so
   * 3 epochs do. In memory and streamed, shuffled (one order per pass) or not.
   */
  @Test
  void stepsPerEpochGoesOnWithThePassAsKerasDoes() {
    for (boolean shuffle : new boolean[] {false, true}) {
      Sequential whole = model(1);
      whole.fit(X, Y, new FitOptions().epochs(1).batchSize(4).shuffle(shuffle).verbose(0));
      for (int stepsPerExecution : new int[] {1, 2}) {
        int epochs = stepsPerExecution == 1 ? 4 : 3;
        Sequential arrays = model(stepsPerExecution);
        History h = arrays.fit(X, Y, new FitOptions().epochs(epochs).stepsPerEpoch(3).batchSize(4).shuffle(shuffle)
            .verbose(0));
        assertEquals(epochs, h.history().get("loss").size());
        assertSameWeights(whole, arrays);
        if (!shuffle) { // a Dataset's batches shuffle, not its samples: compared unshuffled
          Sequential streamed = model(stepsPerExecution);
          streamed.fit(Dataset.fromArrays(X, Y, 4, false, null), new FitOptions().epochs(epochs).stepsPerEpoch(3)
              .shuffle(false).verbose(0));
          assertSameWeights(whole, streamed);
        }
      }
    }
  }

  /** As Keras: initial_epoch does not skip batches; the first epoch run begins a pass (2 to 6 at 3 steps of 10). */
  @Test
  void stepsPerEpochFromAnInitialEpochBeginsAPass() {
    Sequential whole = model(1);
    whole.fit(X, Y, new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0));
    Sequential resumed = model(1);
    History h = resumed.fit(X, Y, new FitOptions().initialEpoch(2).epochs(6).stepsPerEpoch(3).batchSize(4)
        .shuffle(false).verbose(0));
    assertEquals(4, h.history().get("loss").size());
    assertSameWeights(whole, resumed);
  }

  /**
   * As Keras 3.15.1 (tools/keras-reference/epoch_steps.txt): a stop after the first step, cleared at on_epoch_end,
   * leaves batches 1-3 to the next epoch of steps_per_epoch 3, so the two epochs train as one of 4 steps.
   */
  @Test
  void aStopClearedAtTheEpochsEndGoesOnWhereTheStepsStopped() {
    Sequential once = model(1);
    once.fit(X, Y, new FitOptions().epochs(1).stepsPerEpoch(4).batchSize(4).shuffle(false).verbose(0));
    for (boolean streamed : new boolean[] {false, true}) {
      Sequential m = model(1);
      List<Integer> steps = new ArrayList<>();
      LambdaCallback stopOnce = new LambdaCallback()
          .onTrainBatchEnd((batch, logs) -> {
            steps.add(batch);
            if (steps.size() == 1) {
              m.stopTraining(true);
            }
          })
          .onEpochEnd((epoch, logs) -> m.stopTraining(false));
      FitOptions o = new FitOptions().epochs(2).stepsPerEpoch(3).shuffle(false).verbose(0).callbacks(stopOnce);
      if (streamed) {
        m.fit(Dataset.fromArrays(X, Y, 4, false, null), o);
      } else {
        m.fit(X, Y, o.batchSize(4));
      }
      assertEquals(List.of(0, 0, 1, 2), steps);
      assertSameWeights(once, m);
    }
  }

  /** The on_train_batch_end indices of a fit of the first {@code samples} samples in batches of 4. */
  private static List<Integer> trainEnds(int samples, Integer stepsPerEpoch, int stepsPerExecution, int epochs) {
    List<Integer> ends = new ArrayList<>();
    FitOptions o = new FitOptions().epochs(epochs).batchSize(4).shuffle(false).verbose(0)
        .callbacks(new LambdaCallback().onTrainBatchEnd((batch, logs) -> ends.add(batch)));
    if (stepsPerEpoch != null) {
      o.stepsPerEpoch(stepsPerEpoch);
    }
    try (Sequential m = model(stepsPerExecution)) {
      m.fit(java.util.Arrays.copyOf(X, samples), java.util.Arrays.copyOf(Y, samples), o);
    }
    return ends;
  }

  /**
   * As Keras 3.15.1 numbers its calls ({@code epoch_steps.txt}, "fit batch ends"): a call of steps_per_execution k
   * ends at its first batch plus k - 1, also a last call of fewer batches (10 batches at 4 per call: 3, 7, 11).
   */
  @Test
  void trainBatchEndsAreThoseOfKerasCalls() {
    assertEquals(List.of(3, 7, 11), trainEnds(40, null, 4, 1));
    assertEquals(List.of(7), trainEnds(16, null, 8, 1));
    assertEquals(List.of(1, 3, 1, 3), trainEnds(40, 3, 2, 2));
    // 9 batches, 3 steps an epoch at 2 per call: the third epoch's call holds batch 8 only and still ends at 1
    assertEquals(List.of(1, 3, 1, 3, 1), trainEnds(36, 3, 2, 3));
  }

  /** As Keras checks stop_training after each step: a stop asked at on_train_begin runs one step, then validates. */
  @Test
  void aStopAskedBeforeTheFirstStepRunsOneStepAndValidates() {
    Sequential m = model(1);
    List<Integer> steps = new ArrayList<>();
    LambdaCallback stop = new LambdaCallback().onTrainBegin(logs -> m.stopTraining(true))
        .onTrainBatchEnd((batch, logs) -> steps.add(batch));
    History h = m.fit(X, Y, new FitOptions().epochs(3).batchSize(4).validationData(X, Y).shuffle(false).verbose(0)
        .callbacks(stop));
    assertEquals(List.of(0), steps);
    assertEquals(1, h.history().get("loss").size());
    assertEquals(1, h.history().get("val_loss").size());
  }

  @Test
  void fitCallsEveryHookInKerasOrderWithValidation() {
    Sequential m = model(1);
    HookRecorder rec = new HookRecorder();
    float[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
    float[] y = {1, -1, 0.5f, 0.5f};
    m.fit(x, y, new FitOptions().epochs(2).batchSize(2).shuffle(false).verbose(0).callbacks(rec)
        .validationData(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new float[] {1, -1, 0.5f}));
    // keras/src/backend/tensorflow/trainer.py: fit, then evaluate(callbacks=callbacks) for validation
    List<String> expected = new ArrayList<>(List.of("train_begin"));
    for (int e = 0; e < 2; e++) {
      expected.addAll(List.of("epoch_begin:" + e, "train_batch_begin:0", "train_batch_end:0", "train_batch_begin:1",
          "train_batch_end:1", "test_begin", "test_batch_begin:0", "test_batch_end:0", "test_batch_begin:1",
          "test_batch_end:1", "test_end", "epoch_end:" + e));
    }
    expected.add("train_end");
    assertEquals(expected, rec.calls);
    assertTrue(rec.testBatchLogs.get(0).containsKey("loss"), "a callback reading test batch logs gets them");
  }

  @Test
  void stepsPerExecutionGroupsTheBatchHooks() {
    Sequential m = model(2);
    HookRecorder rec = new HookRecorder();
    m.fit(X, Y, new FitOptions().epochs(1).batchSize(8).verbose(0).callbacks(rec));
    // 5 batches: steps 0-1, 2-3, then 4 alone, a call that ends at 5 as Keras numbers it (begin + 2 - 1)
    assertEquals(List.of("train_begin", "epoch_begin:0", "train_batch_begin:0", "train_batch_end:1",
        "train_batch_begin:2", "train_batch_end:3", "train_batch_begin:4", "train_batch_end:5", "epoch_end:0",
        "train_end"), rec.calls);
  }

  @Test
  void theStepsLeftOverAtTheEndOfAnEpochRunInOneCallOfTheLoop() {
    Sequential m = model(3);
    HookRecorder rec = new HookRecorder();
    m.fit(X, Y, new FitOptions().epochs(2).batchSize(8).shuffle(false).verbose(0).callbacks(rec));
    // 5 batches: steps 0-2, then 3-4 in one call (Keras' loop runs the rest in one call too), which ends at 5 as Keras
    // numbers a call (begin + 3 - 1)
    List<String> epoch = List.of("train_batch_begin:0", "train_batch_end:2", "train_batch_begin:3",
        "train_batch_end:5");
    assertEquals(epoch, rec.calls.subList(2, 6), rec.calls.toString());
    Sequential single = model(1);
    single.fit(X, Y, new FitOptions().epochs(2).batchSize(8).shuffle(false).verbose(0));
    assertSameWeights(single, m);
    Sequential streamed = model(3);
    streamed.fit(Dataset.fromArrays(X, Y, 8, false, null), new FitOptions().epochs(2).shuffle(false).verbose(0));
    assertSameWeights(single, streamed);
  }

  @Test
  void aDatasetWithStepsPerExecutionTrainsLikeArrays() {
    Sequential arrays = model(1);
    arrays.fit(X, Y, new FitOptions().epochs(2).batchSize(8).shuffle(false).verbose(0));
    Sequential streamed = model(2);
    HookRecorder rec = new HookRecorder();
    streamed.fit(Dataset.fromArrays(X, Y, 8, false, null), new FitOptions().epochs(2).shuffle(false).verbose(0)
        .callbacks(rec));
    assertSameWeights(arrays, streamed);
    assertTrue(rec.calls.containsAll(List.of("train_batch_begin:0", "train_batch_end:1", "train_batch_begin:2",
        "train_batch_end:3", "train_batch_begin:4", "train_batch_end:5")),
        "steps_per_execution=2 groups the Dataset's 5 batches, the last call numbered as Keras': " + rec.calls);
    assertFalse(rec.calls.contains("train_batch_end:0"), rec.calls.toString());
    assertFalse(rec.calls.contains("train_batch_end:4"), rec.calls.toString());
  }

  @Test
  void validationArraysAreCopiedToNativeMemoryOncePerFit() {
    Sequential m = model(1);
    int before = ArrayDataAdapter.nativeCopies;
    var h = m.fit(X, Y, new FitOptions().epochs(3).batchSize(8).verbose(0).validationData(X, Y));
    assertEquals(2, ArrayDataAdapter.nativeCopies - before, "the training and the validation arrays, once each");
    assertEquals(3, h.get("val_loss").size());

    before = ArrayDataAdapter.nativeCopies;
    m.fit(Dataset.fromArrays(X, Y, 8, false, null), new FitOptions().epochs(3).verbose(0).validationData(X, Y));
    assertEquals(1, ArrayDataAdapter.nativeCopies - before, "the validation arrays of a Dataset fit, once");
  }

  @Test
  void validationFreqValidatesEveryNthEpoch() {
    Sequential m = model(1);
    HookRecorder rec = new HookRecorder();
    var h = m.fit(X, Y, new FitOptions().epochs(4).batchSize(40).verbose(0).validationData(X, Y).validationFreq(2)
        .callbacks(rec));
    assertEquals(2, h.get("val_loss").size());
    assertEquals(4, h.get("loss").size());
    assertEquals(2, rec.calls.stream().filter("test_begin"::equals).count());
    assertEquals(List.of("epoch_begin:1", "train_batch_begin:0", "train_batch_end:0", "test_begin"),
        rec.calls.subList(rec.calls.indexOf("epoch_begin:1"), rec.calls.indexOf("epoch_begin:1") + 4));
  }

  @Test
  void anInterruptedDatasetFitResumesWhereItStopped(@TempDir Path dir) {
    Sequential straight = model(1);
    straight.fit(Dataset.fromArrays(X, Y, 8, false, null), new FitOptions().epochs(5).verbose(0));

    Sequential interrupted = model(1);
    Path backup = dir.resolve("backup");
    LambdaCallback crash = new LambdaCallback().onEpochEnd((e, logs) -> {
      if (e == 2) {
        throw new IllegalStateException("power cut");
      }
    });
    assertThrows(IllegalStateException.class, () -> interrupted.fit(Dataset.fromArrays(X, Y, 8, false, null),
        new FitOptions().epochs(5).verbose(0).callbacks(new BackupAndRestore(backup), crash)));

    Sequential resumed = model(1);
    List<Integer> epochs = new ArrayList<>();
    resumed.fit(Dataset.fromArrays(X, Y, 8, false, null), new FitOptions().epochs(5).verbose(0)
        .callbacks(new BackupAndRestore(backup), new LambdaCallback().onEpochBegin((e, logs) -> epochs.add(e))));
    assertEquals(List.of(3, 4), epochs);
    assertSameWeights(straight, resumed);
    assertFalse(Files.exists(backup.resolve("training_metadata.json")));
  }

  @Test
  void initialEpochSkipsTheFirstEpochsForDatasets() {
    Sequential m = model(1);
    HookRecorder rec = new HookRecorder();
    var h = m.fit(Dataset.fromArrays(X, Y, 20, false, null),
        new FitOptions().epochs(3).initialEpoch(1).verbose(0).callbacks(rec));
    assertEquals(List.of(1, 2), h.epoch());
    assertEquals("epoch_begin:1", rec.calls.get(1));
  }
}
