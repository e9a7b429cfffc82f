package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** predict's shapes, getWeights/setWeights with shapes, and NDArray inputs, against arithmetic done by hand. */
class PredictTest {
  /** Samples 1..9, -(1..9) and zeros, each a 3x3 one-channel image. */
  static float[][][][] images() {
    float[][][][] x = new float[3][3][3][1];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        x[0][i][j][0] = 3 * i + j + 1;
        x[1][i][j][0] = -(3 * i + j + 1);
      }
    }
    return x;
  }

  @Test
  void conv2DPredictionKeepsTheRank4Shape() {
    Conv2D conv = new Conv2D(2, 2);
    KerasTensor in = Input.of(3, 3, 1);
    Model m = new Model(in, conv.apply(in));
    // filter 0: kernel [[1, 2], [3, 4]], bias 0; filter 1: all ones, bias 0.5 (kernel shape (2, 2, 1, 2))
    conv.setWeights(List.of(new float[][][][] {{{{1, 1}}, {{2, 1}}}, {{{3, 1}}, {{4, 1}}}}, new float[] {0, 0.5f}));
    NDArray p = m.predict(images(), 2); // two batches, the second partial
    assertArrayEquals(new long[] {3, 2, 2, 2}, p.shape());
    // filter 0 at (i, j): x[i][j] + 2 x[i][j+1] + 3 x[i+1][j] + 4 x[i+1][j+1] on [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    float[][][][] y = p.toArray(float[][][][].class);
    assertArrayEquals(new float[] {37, 47}, new float[] {y[0][0][0][0], y[0][0][1][0]});
    assertArrayEquals(new float[] {67, 77}, new float[] {y[0][1][0][0], y[0][1][1][0]});
    // filter 1: the sum of each 2x2 window plus 0.5
    assertArrayEquals(new float[] {12.5f, 16.5f, 24.5f, 28.5f},
        new float[] {y[0][0][0][1], y[0][0][1][1], y[0][1][0][1], y[0][1][1][1]});
    assertEquals(-37f, p.getFloat(1, 0, 0, 0));
    assertEquals(-27.5f, p.getFloat(1, 1, 1, 1));
    assertEquals(0f, p.getFloat(2, 1, 0, 0));
    assertEquals(0.5f, p.getFloat(2, 1, 0, 1));
    assertEquals(p, m.predict(NDArray.of(images()), 32), "an NDArray input gives the same predictions");
  }

  @Test
  void severalOutputsComeFromPredictOutputs() {
    KerasTensor in = Input.of(2);
    Dense sum = new Dense(1).useBias(false);
    Dense both = new Dense(2).useBias(false);
    Model m = new Model(List.of(in), List.of(sum.apply(in), both.apply(in)));
    sum.setWeights(List.of(NDArray.of(new float[][] {{1}, {1}})));
    both.setWeights(List.of(NDArray.of(new float[][] {{1, 0}, {0, 2}})));
    List<NDArray> out = m.predictOutputs(new float[][] {{1, 2}, {3, 4}});
    assertEquals(NDArray.of(new float[][] {{3}, {7}}), out.get(0));
    assertEquals(NDArray.of(new float[][] {{1, 4}, {3, 8}}), out.get(1));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.predict(new float[][] {{1, 2}}));
    assertTrue(e.getMessage().contains("has 2 outputs; predictOutputs(x)"), e.getMessage());
  }

  static Sequential dense() {
    Sequential m = new Sequential();
    m.add(new Dense(4).name("dense").inputDim(3));
    return m;
  }

  @Test
  void getWeightsHasKerasShapes() {
    List<NDArray> w = dense().getWeights();
    assertArrayEquals(new long[] {3, 4}, w.get(0).shape());
    assertArrayEquals(new long[] {4}, w.get(1).shape());
    assertEquals("float32", w.get(0).dtype());
  }

  @Test
  void setWeightsChecksEachShapeAndNamesTheWeight() {
    Sequential m = dense();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.setWeights(List.of(new float[4][3], new float[4])));
    assertEquals("Layer 'dense': weight 'kernel' expects shape (3, 4), received (4, 3)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> m.getLayer("dense").setWeights(List.of(new float[3][4], new float[3])));
    assertEquals("Layer 'dense': weight 'bias' expects shape (4,), received (3,)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> m.setWeights(List.of(NDArray.of(new float[3][4]))));
    assertTrue(e.getMessage().contains("weight list of length 1, but the layer was expecting 2"), e.getMessage());

    float[][] kernel = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    m.setWeights(List.of(NDArray.of(kernel), NDArray.of(new float[] {0, 0, 0, 1})));
    assertEquals(NDArray.of(kernel), m.getWeights().get(0));
  }

  @Test
  void fitAndEvaluateTakeNDArrays() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile("sgd", "mse");
    m.setWeights(List.of(new float[][] {{1}}, new float[] {0}));
    // predictions 1 and 2 against targets 1 and 3: mse = (0 + 1) / 2
    Map<String, Double> r = m.evaluate(NDArray.of(new float[][] {{1}, {2}}), NDArray.of(new float[] {1, 3}));
    assertEquals(0.5, r.get("loss"), 1e-6);
    m.fit(NDArray.of(new float[][] {{1}, {2}}), NDArray.of(new int[] {1, 3}), 1, 2);
    // one SGD step (lr 0.01) on errors (0, -1): dL/dw = mean(2 * err * x) = -2, dL/db = mean(2 * err) = -1
    List<NDArray> w = m.getWeights();
    assertEquals(1.02, w.get(0).getFloat(0, 0), 1e-6);
    assertEquals(0.01, w.get(1).getFloat(0), 1e-6);
  }

  @Test
  void noLossAndAClosedModelSayWhatIsWrong() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile("sgd", null);
    float[][] x = {{1}, {2}};
    float[] y = {1, 2};
    IllegalStateException none = assertThrows(IllegalStateException.class, () -> m.fit(x, y, 1, 2));
    assertTrue(none.getMessage().contains("no loss to compute"), none.getMessage());
    m.compile("sgd", "mse");
    m.close();
    IllegalStateException closed = assertThrows(IllegalStateException.class, () -> m.fit(x, y, 1, 2));
    assertTrue(closed.getMessage().contains("was closed"), closed.getMessage());
  }

  /**
   * An input with None spatial axes takes images of any size: each new size traces the step again (Keras retraces
   * its function), instead of running the graph traced for the first size.
   */
  @Test
  void imagesOfAnotherSizeAreNotRunThroughTheFirstSizesGraph() {
    KerasTensor in = Input.of(-1, -1, 1);
    KerasTensor out = new io.keras4j.layers.CenterCrop(2, 2).apply(in);
    try (Model m = new Model(in, new io.keras4j.layers.GlobalAveragePooling2D().apply(out))) {
      float[] four = new float[16];
      for (int i = 0; i < 16; i++) {
        four[i] = i; // rows 0..3 of 4: the centre 2x2 is 5, 6, 9, 10
      }
      assertArrayEquals(new float[] {7.5f}, m.predict(NDArray.of(four, 1, 4, 4, 1)).toFloatArray(), 1e-6f);
      float[] six = new float[36];
      for (int i = 0; i < 36; i++) {
        six[i] = i; // the centre 2x2 of 6x6 is 14, 15, 20, 21
      }
      assertArrayEquals(new float[] {17.5f}, m.predict(NDArray.of(six, 1, 6, 6, 1)).toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {7.5f}, m.predict(NDArray.of(four, 1, 4, 4, 1)).toFloatArray(), 1e-6f);
    }
  }

  /**
   * With steps_per_execution 4, predict runs four batches per call, each a copy of the predict step (Keras'
   * multi_step_on_data), and the batches left over in one call, as Keras: 11 samples in batches of 2 are 6 batches, so
   * two calls, which the callbacks see end at 3 and 7, as Keras 3.15.1 reports them (begin + steps_per_execution - 1,
   * also for the second call, which holds batches 4 and 5). Every output of every sample is that of one batch per
   * call, worked out by hand.
   */
  @Test
  void fourBatchesPerCallPredictEverySampleOfEveryOutput() {
    KerasTensor in = Input.of(2);
    Dense sum = new Dense(1).useBias(false);
    Dense both = new Dense(2);
    try (Model m = new Model(List.of(in), List.of(sum.apply(in), both.apply(in)))) {
      m.compile(new CompileOptions().optimizer("sgd").loss("mse", "mse").stepsPerExecution(4));
      sum.setWeights(List.of(NDArray.of(new float[][] {{1}, {1}})));
      both.setWeights(List.of(NDArray.of(new float[][] {{1, 0}, {0, 2}}), NDArray.of(new float[] {0.5f, -1})));
      float[][] x = new float[11][];
      for (int i = 0; i < 11; i++) {
        x[i] = new float[] {i, 10 * i};
      }
      List<Integer> ends = new java.util.ArrayList<>();
      io.keras4j.callbacks.Callback recorder = new io.keras4j.callbacks.Callback() {
        @Override
        public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
          ends.add(batch);
        }
      };
      List<NDArray> out = m.predictOutputs(x, new PredictOptions().batchSize(2).callbacks(recorder));
      assertEquals(List.of(3, 7), ends);
      assertArrayEquals(new long[] {11, 1}, out.get(0).shape());
      assertArrayEquals(new long[] {11, 2}, out.get(1).shape());
      for (int i = 0; i < 11; i++) {
        assertEquals(11f * i, out.get(0).getFloat(i, 0), 1e-4f); // i + 10 i
        assertEquals(i + 0.5f, out.get(1).getFloat(i, 0), 1e-4f);
        assertEquals(20f * i - 1, out.get(1).getFloat(i, 1), 1e-4f);
      }
    }
  }

  /** An LSTM predicts the same with 3 batches per call (three loops side by side in one call) as with one. */
  @Test
  void anLstmPredictsTheSameWithThreeBatchesPerCall() {
    float[][][] x = io.keras4j.GraphFixture.gaussianSequences(7, 5, 2, 3);
    float[][] expected = null;
    for (int spe : new int[] {1, 3}) {
      io.keras4j.backend.Backend.setRandomSeed(4);
      try (Sequential m = new Sequential(new io.keras4j.layers.InputLayer(5, 2), new io.keras4j.layers.LSTM(3))) {
        m.compile(new CompileOptions().optimizer("sgd").loss("mse").stepsPerExecution(spe));
        float[][] y = m.predict(x, 2).toArray(float[][].class);
        if (expected == null) {
          expected = y;
        } else {
          for (int i = 0; i < 7; i++) {
            assertArrayEquals(expected[i], y[i], 1e-6f, "sample " + i);
          }
        }
      }
    }
  }
}
