package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LSTM: Keras' weight layout (gates i, f, c, o), a step worked out by hand, gradients, options. */
class LSTMTest {
  @Test
  void harnessLastOutput() {
    LayerHarness.of(() -> new LSTM(3)).input(4, 2).output(-1, 3).weights(3, 0).run();
  }

  @Test
  void harnessSequencesBackwardsUnrolled() {
    LayerHarness.of(() -> new LSTM(2).returnSequences(true).goBackwards(true).unroll(true)).input(3, 2)
        .output(-1, 3, 2).weights(3, 0).run();
  }

  @Test
  void weightsHaveKerasShapesAndTheForgetBiasStartsAtOne() {
    LSTM lstm = new LSTM(3);
    KerasTensor in = Input.of(5, 2);
    lstm.apply(in);
    List<NDArray> w = lstm.getWeights();
    assertArrayEquals(new long[] {2, 12}, w.get(0).shape());
    assertArrayEquals(new long[] {3, 12}, w.get(1).shape());
    assertArrayEquals(new long[] {12}, w.get(2).shape());
    assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, w.get(2).toFloatArray());
    assertEquals(List.of("kernel", "recurrent_kernel", "bias"),
        lstm.weights().stream().map(v -> v.name()).toList());
    assertEquals(lstm.name() + "/lstm_cell/kernel", lstm.weights().get(0).path()); // Keras' variable path
    LSTM plain = new LSTM(3).unitForgetBias(false);
    plain.apply(Input.of(5, 2));
    assertArrayEquals(new float[12], plain.getWeights().get(2).toFloatArray());
  }

  @Test
  void twoStepsMatchTheEquationsWorkedOutByHand() {
    // one unit, one feature: kernel [ki, kf, kc, ko], recurrent [ri, rf, rc, ro], bias [bi, bf, bc, bo]
    float[] k = {0.5f, -0.3f, 0.8f, 0.2f};
    float[] r = {0.1f, 0.4f, -0.6f, 0.3f};
    float[] b = {0.05f, 1f, -0.1f, 0.2f};
    float[] x = {0.7f, -1.2f};
    double h = 0;
    double c = 0;
    for (float xt : x) {
      double i = sigmoid(xt * k[0] + h * r[0] + b[0]);
      double f = sigmoid(xt * k[1] + h * r[1] + b[1]);
      double g = Math.tanh(xt * k[2] + h * r[2] + b[2]);
      double o = sigmoid(xt * k[3] + h * r[3] + b[3]);
      c = f * c + i * g;
      h = o * Math.tanh(c);
    }
    LSTM lstm = new LSTM(1).returnState(true);
    KerasTensor in = Input.of(2, 1);
    List<KerasTensor> out = lstm.apply(List.of(in));
    lstm.setWeights(List.of(NDArray.of(new float[][] {k}), NDArray.of(new float[][] {r}), NDArray.of(b)));
    try (Model m = new Model(List.of(in), out)) {
      List<NDArray> y = m.predictOutputs(NDArray.of(x, 1, 2, 1), 1);
      assertEquals(h, y.get(0).toFloatArray()[0], 1e-6);
      assertEquals(h, y.get(1).toFloatArray()[0], 1e-6);
      assertEquals(c, y.get(2).toFloatArray()[0], 1e-6);
    }
  }

  @Test
  void useCudnnAndImplementationAreValidated() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new LSTM(2).useCudnn("yes")).getMessage()
        .contains("use_cudnn=yes"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new LSTM(2).implementation(3)).getMessage()
        .contains("implementation=3"));
    assertEquals(1, new LSTM(2).recurrentDropout(0.2).cell().implementation());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new LSTM(0)).getMessage().contains("got 0"));
  }

  @Test
  void theFusedKernelTrainsAsTheStepLoop() {
    // the default (TensorFlow's BlockLSTMV2, two kernels over a wide batch) against use_cudnn=false (the step loop);
    // a Bidirectional copies its layer from the config, which has no use_cudnn (as Keras'): unrolled there instead
    java.util.Random rnd = new java.util.Random(17);
    float[][][] x = RecurrentChainsTest.sequences(65, 6, 3, rnd);
    float[][] y = new float[65][1];
    for (int i = 0; i < y.length; i++) {
      y[i][0] = x[i][5][0] * x[i][1][2];
    }
    List<java.util.function.Function<Boolean, Layer>> layers = List.of(loop -> new LSTM(8).useCudnn(!loop),
        loop -> new LSTM(5).returnSequences(true).goBackwards(true).useBias(false).useCudnn(!loop),
        loop -> new Bidirectional(new LSTM(4).unroll(loop)));
    for (java.util.function.Function<Boolean, Layer> layer : layers) {
      List<float[]> fused = RecurrentChainsTest.trained(() -> layer.apply(false), x, y, "auto");
      List<float[]> loop = RecurrentChainsTest.trained(() -> layer.apply(true), x, y, "auto");
      String name = layer.apply(false).getClass().getSimpleName();
      for (int k = 0; k < loop.size(); k++) {
        for (int i = 0; i < loop.get(k).length; i++) {
          assertEquals(loop.get(k)[i], fused.get(k)[i], 1e-5, name + (k == 0 ? " prediction " : " weight " + k) + i);
        }
      }
    }
  }

  @Test
  void onlyKerasOwnCellWithoutDropoutIsFused() {
    assertTrue(new LSTMCell(3).fusable());
    assertTrue(!new LSTMCell(3) {}.fusable(), "a user's subclass may change the step");
    assertTrue(!new LSTMCell(3).activation("relu").fusable());
    assertTrue(!new LSTMCell(3).recurrentActivation("hard_sigmoid").fusable());
    assertTrue(!new LSTMCell(3).dropout(0.1).fusable());
    assertTrue(!new LSTMCell(3).recurrentDropout(0.1).fusable());
    assertTrue(!new LSTMCell(3).dtype("mixed_bfloat16").fusable());
  }

  @Test
  void stateSizesAndShapes() {
    LSTM lstm = new LSTM(3).returnSequences(true).returnState(true);
    List<KerasTensor> out = lstm.apply(List.of(Input.of(7, 2)));
    assertEquals(Shape.of(-1, 7, 3), out.get(0).shape());
    assertEquals(Shape.of(-1, 3), out.get(1).shape());
    assertEquals(Shape.of(-1, 3), out.get(2).shape());
  }

  @Test
  void anUnknownNumberOfStepsRunsInOneLoopAsTheUnrolledLayerDoes() {
    LSTM loop = new LSTM(3);
    KerasTensor any = Input.of(-1, 2);
    KerasTensor out = loop.apply(any);
    float[] x = new float[7 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(i * 0.7);
    }
    try (Model m = new Model(any, out)) {
      for (int steps : new int[] {7, 5}) {
        LSTM unrolled = new LSTM(3).unroll(true);
        KerasTensor fixed = Input.of(steps, 2);
        KerasTensor out2 = unrolled.apply(fixed);
        unrolled.setWeights(loop.getWeights());
        NDArray xs = NDArray.of(java.util.Arrays.copyOf(x, steps * 2), 1, steps, 2);
        try (Model u = new Model(fixed, out2)) {
          assertArrayEquals(u.predict(xs).toFloatArray(), m.predict(xs).toFloatArray(), 1e-6f, steps + " steps");
        }
      }
    }
  }

  /**
   * Under mixed_bfloat16 and mixed_float16 the recurrence trains as well as predicts: the backward loop reads the
   * float32 weights cast to the compute dtype, as the forward loop does, and three epochs of SGD move the weights as
   * float32 training does, within the low precision's rounding.
   */
  @Test
  void lstmAndGruTrainUnderMixedPolicies() {
    float[][][] x = io.keras4j.GraphFixture.gaussianSequences(8, 5, 2, 2);
    float[] y = new float[8];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][4][0] - x[i][0][1];
    }
    for (boolean lstm : new boolean[] {true, false}) {
      float[] exact = trainUnder("float32", lstm, x, y);
      assertArrayEquals(exact, trainUnder("mixed_bfloat16", lstm, x, y), 3e-2f, lstm ? "LSTM" : "GRU");
      assertArrayEquals(exact, trainUnder("mixed_float16", lstm, x, y), 5e-3f, lstm ? "LSTM" : "GRU");
    }
  }

  /** The recurrent kernel of Input(5, 2) -> {LSTM|GRU}(3) -> Dense(1) after 3 epochs of SGD under {@code policy}. */
  private static float[] trainUnder(String policy, boolean lstm, float[][][] x, float[] y) {
    io.keras4j.dtypepolicies.DTypePolicies.setDtypePolicy(policy);
    try {
      io.keras4j.backend.Backend.setRandomSeed(8);
      Layer rnn = lstm ? new LSTM(3) : new GRU(3);
      try (io.keras4j.models.Sequential m = new io.keras4j.models.Sequential(new InputLayer(5, 2), rnn,
          new Dense(1))) {
        m.compile(new io.keras4j.optimizers.SGD(0.1), "mse");
        float[] before = rnn.getWeights().get(1).toFloatArray();
        m.fit(x, y, new io.keras4j.models.FitOptions().epochs(3).batchSize(4).verbose(0).shuffle(false));
        float[] after = rnn.getWeights().get(1).toFloatArray();
        double moved = 0;
        for (int i = 0; i < after.length; i++) {
          moved = Math.max(moved, Math.abs(after[i] - before[i]));
        }
        assertTrue(moved > 1e-3, policy + ": the recurrent kernel moved by " + moved);
        return after;
      }
    } finally {
      io.keras4j.dtypepolicies.DTypePolicies.setDtypePolicy("float32");
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
  /** Predictions of Input(5, 2) -> {LSTM|GRU}(3) -> Dense(1) under {@code policy}, weights from the same seed. */
  private static float[] predictUnder(String policy, boolean lstm, float[][][] x) {
    io.keras4j.dtypepolicies.DTypePolicies.setDtypePolicy(policy);
    try {
      io.keras4j.backend.Backend.setRandomSeed(8);
      try (io.keras4j.models.Sequential m = new io.keras4j.models.Sequential(new InputLayer(5, 2),
          lstm ? new LSTM(3) : new GRU(3), new Dense(1))) {
        return m.predict(x, 4).toFloatArray();
      }
    } finally {
      io.keras4j.dtypepolicies.DTypePolicies.setDtypePolicy("float32");
    }
  }

  /**
   * Under mixed_bfloat16 and mixed_float16 the recurrence runs in the compute dtype, its zero initial states too (Keras'
   * get_initial_state: zeros of compute_dtype; they were float32, which TensorFlow refused beside bfloat16 weights), and
   * predicts what float32 does within the low precision's rounding.
   */
  @Test
  void lstmAndGruPredictUnderMixedPolicies() {
    float[][][] x = io.keras4j.GraphFixture.gaussianSequences(4, 5, 2, 2);
    for (boolean lstm : new boolean[] {true, false}) {
      float[] exact = predictUnder("float32", lstm, x);
      assertArrayEquals(exact, predictUnder("mixed_bfloat16", lstm, x), 3e-2f, lstm ? "LSTM" : "GRU");
      assertArrayEquals(exact, predictUnder("mixed_float16", lstm, x), 5e-3f, lstm ? "LSTM" : "GRU");
    }
  }
}
