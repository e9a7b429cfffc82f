package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.callbacks.TerminateOnNaN;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End-to-end training: XOR, seeds, the functional API, sample weights, NaN handling. */
class TrainingTest {
  /** predict over several batches, the last one partial, puts each row where it belongs. */
  @Test
  void predictFillsEachBatchInPlace() {
    Sequential m = new Sequential();
    Dense d = new Dense(2).inputDim(2);
    m.add(d);
    // y = x W + b with W = [[1, 2], [3, 4]], b = [0.5, -0.5]
    d.setWeights(List.of(new float[][] {{1, 2}, {3, 4}}, new float[] {0.5f, -0.5f}));
    float[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, -1}, {-1, 3}};
    float[][] p = m.predict(x, 2).toFloat2D();
    float[][] expected = {{1.5f, 1.5f}, {3.5f, 3.5f}, {4.5f, 5.5f}, {-0.5f, -0.5f}, {8.5f, 9.5f}};
    for (int i = 0; i < x.length; i++) {
      assertArrayEquals(expected[i], p[i], 1e-6f, "row " + i);
    }
    m.close();
  }

  static final float[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[] XOR_Y = {0, 1, 1, 0};

  static Sequential xorModel() {
    Sequential model = new Sequential();
    model.add(new Dense(8).activation("tanh").inputDim(2));
    model.add(new Dense(1).activation("sigmoid"));
    model.compile(new CompileOptions().optimizer(new Adam(0.05)).loss("binary_crossentropy").metrics("accuracy"));
    return model;
  }

  @Test
  void learnsXorToFullAccuracy() {
    Backend.setRandomSeed(3);
    Sequential model = xorModel();
    model.fit(XOR_X, XOR_Y, new FitOptions().epochs(300).batchSize(4).verbose(0));
    assertEquals(1.0, model.evaluate(XOR_X, XOR_Y).get("accuracy"));
    float[][] p = model.predict(XOR_X).toFloat2D();
    for (int i = 0; i < 4; i++) {
      assertEquals(XOR_Y[i], p[i][0], 0.2, "sample " + i);
    }
  }

  @Test
  void theSameSeedGivesTheSameWeightsTwice() {
    float[][] x = new float[64][3];
    float[] y = new float[64];
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      y[i] = x[i][0] > 0 ? 1 : 0;
    }
    List<float[]> first = trainedWeights(x, y);
    List<float[]> second = trainedWeights(x, y);
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), second.get(i), "weight " + i);
    }
  }

  private static List<float[]> trainedWeights(float[][] x, float[] y) {
    Backend.setRandomSeed(77);
    Sequential m = new Sequential();
    m.add(new Dense(4).activation("relu").inputDim(3));
    m.add(new io.keras4j.layers.Dropout(0.3));
    m.add(new Dense(1).activation("sigmoid"));
    m.compile("adam", "binary_crossentropy");
    m.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
    List<float[]> w = m.getWeights().stream().map(NDArray::toFloatArray).toList();
    m.close();
    return w;
  }

  @Test
  void stepsPerExecutionGivesTheSameTrainingAsSingleSteps() {
    float[][] x = new float[50][3];
    float[] y = new float[50];
    java.util.Random r = new java.util.Random(8);
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      y[i] = x[i][0] - 2 * x[i][2];
    }
    List<float[]> single = trainWithSteps(1, x, y);
    List<float[]> four = trainWithSteps(4, x, y); // 7 batches per epoch: one block of 4, then 3 single steps
    for (int i = 0; i < single.size(); i++) {
      assertArrayEquals(single.get(i), four.get(i), 1e-6f, "weight " + i);
    }
  }

  private static List<float[]> trainWithSteps(int k, float[][] x, float[] y) {
    Backend.setRandomSeed(12);
    Sequential m = new Sequential();
    m.add(new Dense(4).activation("tanh").inputDim(3));
    m.add(new Dense(1));
    m.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse").metrics("mae").stepsPerExecution(k));
    var h = m.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
    assertEquals(3, h.get("mae").size());
    List<float[]> w = m.getWeights().stream().map(NDArray::toFloatArray).toList();
    m.close();
    return w;
  }

  @Test
  void oneSgdStepOnALinearModelMatchesTheHandComputedUpdate() {
    // y = w x + b, MSE on one sample x = 2, y = 1, w = 0.5, b = 0: pred 1.0... use w = 1 -> pred 2, error 1
    Sequential m = new Sequential();
    Dense d = new Dense(1).kernelInitializer("ones").inputDim(1);
    m.add(d);
    m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse"));
    Map<String, Double> logs = m.trainOnBatch(new float[][] {{2}}, new float[] {1});
    assertEquals(1.0, logs.get("loss"), 1e-6); // (2 - 1)^2
    // dL/dw = 2 (pred - y) x = 4, dL/db = 2: w = 1 - 0.4, b = -0.2
    assertEquals(0.6f, m.getWeights().get(0).toFloatArray()[0], 1e-6);
    assertEquals(-0.2f, m.getWeights().get(1).toFloatArray()[0], 1e-6);
  }

  @Test
  void functionalModelWithTwoInputsAndSharedLayer() {
    KerasTensor a = Input.of(3);
    KerasTensor b = Input.of(3);
    Dense shared = new Dense(2).kernelInitializer("ones").name("shared");
    KerasTensor sum = new io.keras4j.layers.Add().apply(List.of(shared.apply(a), shared.apply(b))).get(0);
    Model model = new Model(List.of(a, b), List.of(sum));
    assertEquals(8, model.countParams()); // shared once: 3*2 + 2
    float[][] p = model.predict(List.of(new float[][] {{1, 2, 3}}, new float[][] {{1, 1, 1}}), 8).toFloat2D();
    assertArrayEquals(new float[] {9, 9}, p[0], 1e-6f); // (1+2+3) + (1+1+1)
  }

  @Test
  void sampleWeightZeroRemovesASampleFromTheLoss() {
    Sequential m = new Sequential();
    m.add(new Dense(1).kernelInitializer("ones").useBias(false).inputDim(1));
    m.compile("sgd", "mse");
    Map<String, Double> logs = m.evaluate(new float[][] {{1}, {3}}, new float[] {0, 0}, new float[] {1, 0}, 32);
    // sum over batch size: (1 * 1 + 0 * 9) / 2
    assertEquals(0.5, logs.get("loss"), 1e-6);
  }

  @Test
  void terminateOnNaNStopsTraining() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(new CompileOptions().optimizer(new SGD(1e30)).loss("mse"));
    TerminateOnNaN t = new TerminateOnNaN();
    float[][] x = {{1e10f}, {2e10f}};
    var h = m.fit(x, new float[] {1, 2}, new FitOptions().epochs(50).batchSize(1).verbose(0).callbacks(t));
    assertTrue(t.terminated());
    assertTrue(h.get("loss").size() < 50);
  }

  @Test
  void validationSplitReportsValidationMetrics() {
    Backend.setRandomSeed(1);
    Sequential m = xorModel();
    var h = m.fit(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 0}}, new float[] {0, 1, 1, 0, 0},
        new FitOptions().epochs(2).batchSize(2).validationSplit(0.2).verbose(0));
    assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(h.history().keySet()));
  }

  @Test
  void summaryListsLayersShapesAndParameters() {
    Backend.clearSession();
    Sequential m = new Sequential();
    m.add(new Dense(32).inputDim(784));
    m.add(new io.keras4j.layers.Activation("relu"));
    m.add(new Dense(1).activation("sigmoid"));
    String s = m.summary();
    assertTrue(s.contains("dense (Dense)") && s.contains("(None, 32)") && s.contains("25,120"), s);
    assertTrue(s.contains("dense_1 (Dense)") && s.contains("activation (Activation)"), s);
    assertTrue(s.contains("Total params: 25,153 (98.25 KB)"), s);
  }
}
