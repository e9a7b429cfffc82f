package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.callbacks.Callback;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras' {@code predict(steps=)} and {@code batch_size=0}: the first batches only, in whole calls of
 * {@code steps_per_execution}, as Keras 3.15.1 reads them ({@code tools/keras-reference/epoch_steps.txt}, the lines
 * beginning "predict"); the predictions are y = 2x + 1, worked out by hand.
 */
class PredictStepsTest {
  /** y = 2x + 1: a Dense(1) with kernel 2 and bias 1, compiled with {@code stepsPerExecution} batches per call. */
  private static Sequential twoXPlusOne(int stepsPerExecution) {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(new CompileOptions().optimizer("sgd").loss("mse").stepsPerExecution(stepsPerExecution));
    m.setWeights(List.of(new float[][] {{2}}, new float[] {1}));
    return m;
  }

  /** The samples 0, 1, ..., 9, one feature each. */
  private static final float[][] TEN = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}};

  /** A callback that lists the predict batches it sees end. */
  private static Callback predictBatches(List<Integer> ends) {
    return new Callback() {
      @Override
      public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        ends.add(batch);
      }
    };
  }

  /** As Keras' {@code predict(x, batch_size=3, steps=2)}: two batches of 3, so the first 6 rows only. */
  @Test
  void stepsPredictTheFirstBatchesOnly() {
    try (Sequential m = twoXPlusOne(1)) {
      NDArray p = m.predict(TEN, new PredictOptions().batchSize(3).steps(2));
      assertEquals(NDArray.of(new float[][] {{1}, {3}, {5}, {7}, {9}, {11}}), p);
    }
  }

  /**
   * As Keras' array adapter: with steps and no batch size, the batch size is the samples over the steps, rounded up
   * (10 over 4: batches of 3, 3, 3 and 1); 0 reads as no batch size, as in Keras.
   */
  @Test
  void stepsWithoutABatchSizeCutTheSamplesIntoThatManyBatches() {
    float[][] all = {{1}, {3}, {5}, {7}, {9}, {11}, {13}, {15}, {17}, {19}};
    try (Sequential m = twoXPlusOne(1)) {
      List<Integer> ends = new ArrayList<>();
      assertEquals(NDArray.of(all), m.predict(TEN, new PredictOptions().steps(4).callbacks(predictBatches(ends))));
      assertEquals(List.of(0, 1, 2, 3), ends);
      ends.clear();
      m.predict(TEN, new PredictOptions().batchSize(0).steps(4).callbacks(predictBatches(ends)));
      assertEquals(List.of(0, 1, 2, 3), ends, "batch_size=0 reads as None");
    }
  }

  /** More steps than batches: every row, as Keras, which warns that the input ran out of data; 0 is every batch. */
  @Test
  void stepsBeyondTheDataPredictEveryRow() {
    float[][] all = {{1}, {3}, {5}, {7}, {9}, {11}, {13}, {15}, {17}, {19}};
    try (Sequential m = twoXPlusOne(1)) {
      List<Integer> ends = new ArrayList<>();
      assertEquals(NDArray.of(all), m.predict(TEN, new PredictOptions().batchSize(3).steps(10)
          .callbacks(predictBatches(ends))));
      assertEquals(List.of(0, 1, 2, 3), ends, "the 4 batches of 3 there are");
      assertEquals(NDArray.of(all), m.predict(TEN, new PredictOptions().batchSize(3).steps(0)));
    }
  }

  /** As Keras' predict loop, which runs whole calls: steps=1 at 2 batches per call predicts 2 batches of 3. */
  @Test
  void stepsAreRoundedUpToWholeCallsOfStepsPerExecution() {
    try (Sequential m = twoXPlusOne(2)) {
      List<Integer> ends = new ArrayList<>();
      NDArray p = m.predict(TEN, new PredictOptions().batchSize(3).steps(1).callbacks(predictBatches(ends)));
      assertEquals(NDArray.of(new float[][] {{1}, {3}, {5}, {7}, {9}, {11}}), p);
      assertEquals(List.of(1), ends, "one call, of batches 0 and 1");
    }
  }

  /**
   * As Keras, whose adapters read {@code batch_size=0} as None ({@code if not batch_size}): the default, 32, in
   * predict, evaluate and fit, through the options and through the methods that take a batch size.
   */
  @Test
  void batchSizeZeroIsTheDefault() {
    try (Sequential m = twoXPlusOne(1)) {
      float[][] forty = new float[40][1];
      List<Integer> ends = new ArrayList<>();
      m.predict(forty, new PredictOptions().batchSize(3).batchSize(0).callbacks(predictBatches(ends)));
      assertEquals(List.of(0, 1), ends, "40 samples in batches of 32");
      assertEquals(NDArray.of(new float[][] {{1}, {3}}), m.predict(new float[][] {{0}, {1}}, 0));
      assertEquals(NDArray.of(new float[][] {{1}}), m.predictOutputs(new float[][] {{0}}, 0).get(0));
    }
    try (Sequential m = new Sequential()) {
      m.add(new Dense(1).inputDim(1));
      m.compile("sgd", "mse");
      m.setWeights(List.of(new float[][] {{1}}, new float[] {0}));
      float[][] x = {{1}, {2}};
      float[] y = {1, 3};
      assertEquals(0.5, m.evaluate(x, y, 0).get("loss"), 1e-6, "predictions 1 and 2 against 1 and 3: (0 + 1) / 2");
      assertEquals(0.5, m.evaluate(x, y, new float[] {1, 1}, 0).get("loss"), 1e-6);
      m.fit(x, y, 1, 0);
      // one SGD step (lr 0.01) on both samples, errors (0, -1): dL/dw = mean(2 err x) = -2, dL/db = mean(2 err) = -1;
      // batches of 1 would take two steps and end elsewhere
      assertEquals(1.02, m.getWeights().get(0).getFloat(0, 0), 1e-6);
      assertEquals(0.01, m.getWeights().get(1).getFloat(0), 1e-6);
    }
    assertNull(new FitOptions().batchSize(0).batchSize);
    assertNull(new EvaluateOptions().batchSize(5).batchSize(0).batchSize);
  }

  /** A negative batch size or step count is refused with Keras' argument names (Keras fails later or not at all). */
  @Test
  void negativeBatchSizesAndStepsAreRefused() {
    assertEquals("batch_size must be positive, 0 or null. Received: batch_size=-1", assertThrows(
        IllegalArgumentException.class, () -> new PredictOptions().batchSize(-1)).getMessage());
    assertEquals("batch_size must be positive, 0 or null. Received: batch_size=-2", assertThrows(
        IllegalArgumentException.class, () -> new EvaluateOptions().batchSize(-2)).getMessage());
    assertEquals("batch_size must be positive, 0 or null. Received: batch_size=-3", assertThrows(
        IllegalArgumentException.class, () -> new FitOptions().batchSize(-3)).getMessage());
    assertEquals("steps must be a positive integer, 0 or null. Received: steps=-1", assertThrows(
        IllegalArgumentException.class, () -> new PredictOptions().steps(-1)).getMessage());
    try (Sequential m = twoXPlusOne(1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predict(TEN, -4));
      assertEquals("batch_size must be positive, 0 or null. Received: batch_size=-4", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> m.evaluate(TEN, new float[10], -1));
      assertThrows(IllegalArgumentException.class, () -> m.fit(TEN, new float[10], 1, -1));
    }
  }

  /**
   * The predictions of {@code x = 0, 1, ..., samples - 1} under y = 2x + 1 with these options and the callback's batch
   * ends, in the form of the "predict" lines of {@code epoch_steps.txt}: "rows R (first..last); batch ends [...]".
   */
  private static String predicted(int samples, Integer batchSize, Integer steps, int spe) {
    float[][] x = new float[samples][1];
    for (int i = 0; i < samples; i++) {
      x[i][0] = i;
    }
    List<Integer> ends = new ArrayList<>();
    PredictOptions o = new PredictOptions().steps(steps).callbacks(predictBatches(ends));
    if (batchSize != null) {
      o.batchSize(batchSize);
    }
    try (Sequential m = twoXPlusOne(spe)) {
      float[][] p = m.predict(x, o).toFloat2D();
      for (int i = 0; i < p.length; i++) {
        assertEquals(2 * i + 1, p[i][0], 1e-6, "row " + i);
      }
      return "rows " + p.length + " (" + (int) p[0][0] + ".." + (int) p[p.length - 1][0] + "); batch ends " + ends;
    }
  }

  /**
   * Every "predict" line of {@code tools/keras-reference/epoch_steps.txt}, what Keras 3.15.1 returned and which batch
   * ends its callback saw. Keras reports a call's end as its first batch plus {@code steps_per_execution} less one,
   * also where the data ends sooner (batches 0-3 at 8 per call end at 7).
   */
  @Test
  void predictReadsTheBatchesKerasReads() {
    assertEquals("rows 6 (1..11); batch ends [0, 1]", predicted(10, 3, 2, 1));
    assertEquals("rows 10 (1..19); batch ends [0, 1, 2, 3]", predicted(10, null, 4, 1));
    assertEquals("rows 10 (1..19); batch ends [0, 1, 2, 3]", predicted(10, 0, 4, 1));
    assertEquals("rows 10 (1..19); batch ends [0, 1, 2, 3]", predicted(10, 3, 10, 1)); // Keras: ran out of data
    assertEquals("rows 6 (1..11); batch ends [1]", predicted(10, 3, 1, 2));
    assertEquals("rows 10 (1..19); batch ends [7]", predicted(10, 3, 1, 8));
    assertEquals("rows 10 (1..19); batch ends [2, 5]", predicted(10, 3, 4, 3));
    assertEquals("rows 40 (1..79); batch ends [0, 1]", predicted(40, 0, null, 1));
  }

  /** Steps with a model of two outputs: each output holds the first batches' rows only. */
  @Test
  void stepsCutEveryOutput() {
    io.keras4j.backend.KerasTensor in = io.keras4j.layers.Input.of(1);
    Dense a = new Dense(1);
    Dense b = new Dense(1);
    try (Model m = new Model(List.of(in), List.of(a.apply(in), b.apply(in)))) {
      m.compile("sgd", "mse");
      a.setWeights(List.of(new float[][] {{2}}, new float[] {1}));
      b.setWeights(List.of(new float[][] {{-1}}, new float[] {0}));
      List<NDArray> outs = m.predictOutputs(TEN, new PredictOptions().batchSize(4).steps(1));
      assertEquals(NDArray.of(new float[][] {{1}, {3}, {5}, {7}}), outs.get(0));
      assertEquals(NDArray.of(new float[][] {{0}, {-1}, {-2}, {-3}}), outs.get(1));
    }
  }
}
