package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.SimpleRNN;
import io.keras4j.optimizers.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The train function's in-graph loop of steps_per_execution: the same training (BatchNormalization's moving
 * statistics, Dropout's seeds, Adam, weighted metrics) as one step per call.
 */
class StepFunctionsTest {
  private static final int N = 45;

  private record Run(History history, List<float[]> weights) {}

  private static Run train(int stepsPerExecution, float[][] x, float[][] y, float[] sw) {
    Backend.setRandomSeed(21);
    try (Sequential m = new Sequential()) {
      m.add(new Dense(6).activation("relu").inputDim(4));
      m.add(new BatchNormalization());
      m.add(new Dropout(0.25));
      m.add(new Dense(2).activation("softmax"));
      m.compile(new CompileOptions().optimizer(new Adam(0.02)).loss("categorical_crossentropy")
          .metrics("accuracy").weightedMetrics("mae").stepsPerExecution(stepsPerExecution));
      History h = m.fit(x, y, new FitOptions().epochs(3).batchSize(4).sampleWeight(sw).verbose(0));
      return new Run(h, m.getWeights().stream().map(NDArray::toFloatArray).toList());
    }
  }

  @Test
  void fourStepsPerCallTrainAsOneStepPerCall() {
    java.util.Random r = new java.util.Random(5);
    float[][] x = new float[N][4];
    float[][] y = new float[N][2];
    float[] sw = new float[N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      y[i][x[i][0] + x[i][3] > 0 ? 1 : 0] = 1;
      sw[i] = 0.5f + (i % 3);
    }
    Run one = train(1, x, y, sw);
    Run four = train(4, x, y, sw); // 12 batches per epoch: three calls of 4 steps
    Run five = train(5, x, y, sw); // two calls of 5 steps, then 2 single steps
    for (Run other : List.of(four, five)) {
      for (String key : List.of("loss", "accuracy", "mae")) {
        for (int e = 0; e < 3; e++) {
          assertEquals(one.history().history().get(key).get(e), other.history().history().get(key).get(e), 1e-6,
              key + " epoch " + e);
        }
      }
      for (int i = 0; i < one.weights().size(); i++) {
        assertArrayEquals(one.weights().get(i), other.weights().get(i), 1e-6f, "weight " + i);
      }
    }
  }

  private static List<float[]> trainRecurrent(int stepsPerExecution, float[][][] x, float[] y) {
    return trainRecurrent(stepsPerExecution, x, y, new SimpleRNN(3));
  }

  private static List<float[]> trainRecurrent(int stepsPerExecution, float[][][] x, float[] y,
      io.keras4j.layers.Layer recurrent) {
    Backend.setRandomSeed(22);
    try (Sequential m = new Sequential()) {
      m.add(new io.keras4j.layers.InputLayer(5, 2));
      m.add(recurrent);
      m.add(new Dense(1));
      m.compile(new CompileOptions().optimizer(new Adam(0.02)).loss("mse").stepsPerExecution(stepsPerExecution));
      m.fit(x, y, new FitOptions().epochs(2).batchSize(4).verbose(0));
      return m.getWeights().stream().map(NDArray::toFloatArray).toList();
    }
  }

  /** 24 sequences of 5 steps of 2 Gaussian features. */
  private static final float[][][] SEQUENCES = new float[24][5][2];

  static {
    java.util.Random r = new java.util.Random(6);
    for (float[][] seq : SEQUENCES) {
      for (float[] step : seq) {
        step[0] = (float) r.nextGaussian();
        step[1] = (float) r.nextGaussian();
      }
    }
  }

  /** The targets: 0.2 times the sum of each sequence's first feature. */
  private static float[] sums(float[][][] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      for (float[] step : x[i]) {
        y[i] += step[0] * 0.2f;
      }
    }
    return y;
  }

  /** A recurrence inside the step runs as a loop inside the steps' loop, with the same training. */
  @Test
  void aRecurrentModelTrainsTheSameWithThreeStepsPerCall() {
    float[][][] x = SEQUENCES;
    float[] y = sums(x);
    List<float[]> one = trainRecurrent(1, x, y);
    List<float[]> three = trainRecurrent(3, x, y);
    for (int i = 0; i < one.size(); i++) {
      assertArrayEquals(one.get(i), three.get(i), 1e-6f, "weight " + i);
    }
  }

  /** LSTM and GRU (their own loops and backward loops) inside the steps' loop: 24 samples of 4, spe 4 (6 batches). */
  @Test
  void lstmAndGruTrainTheSameInsideTheStepsLoop() {
    float[][][] x = SEQUENCES;
    float[] y = sums(x);
    List<float[]> lstm1 = trainRecurrent(1, x, y, new io.keras4j.layers.LSTM(3));
    List<float[]> lstm4 = trainRecurrent(4, x, y, new io.keras4j.layers.LSTM(3));
    List<float[]> gru1 = trainRecurrent(1, x, y, new io.keras4j.layers.GRU(3));
    List<float[]> gru4 = trainRecurrent(4, x, y, new io.keras4j.layers.GRU(3));
    for (int i = 0; i < lstm1.size(); i++) {
      assertArrayEquals(lstm1.get(i), lstm4.get(i), 1e-6f, "LSTM weight " + i);
    }
    for (int i = 0; i < gru1.size(); i++) {
      assertArrayEquals(gru1.get(i), gru4.get(i), 1e-6f, "GRU weight " + i);
    }
  }
}
