package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The gradients training uses for every weight of the recurrent cells, through a model, against central finite
 * differences of the model's loss: one SGD step of learning rate 1 moves each weight by minus its gradient, and
 * the mean squared error of {@code predict} at weight +- h (summed in double) gives the numerical derivative.
 * Covers the recurrent kernels' path through time (the gradient the loop's backward pass must give), for LSTM, both
 * GRU layouts, SimpleRNN backwards and stacked cells with initial states; and dropout in training, looped against the
 * unrolled graph.
 */
class RecurrentGradientTest {
  private static final double H = 5e-3;
  private static final double TOL = 3e-4;

  @Test
  void lstm() {
    check("LSTM", () -> new LSTM(2).returnSequences(true), 0);
  }

  @Test
  void gruResetAfterAndBefore() {
    check("GRU", () -> new GRU(2), 0);
    check("GRU reset_before", () -> new GRU(2).resetAfter(false).goBackwards(true), 0);
  }

  @Test
  void simpleRnnBackwardsUnrolled() {
    check("SimpleRNN", () -> new SimpleRNN(2).goBackwards(true).unroll(true).returnSequences(true), 0);
  }

  @Test
  void stackedCellsWithInitialStates() {
    check("RNN stacked", () -> new RNN(List.of(new LSTMCell(2), new GRUCell(2))), 3);
  }

  /** A layer with dropout, looped or unrolled, and the same layer without dropout. */
  private record DropoutCase(String name, java.util.function.Function<Boolean, Layer> make, Supplier<Layer> plain) {}

  @Test
  void dropoutMasksReachTheGradientsAsInTheUnrolledGraph() {
    // the unrolled graph is differentiated by TensorFlow's own gradients; the loop's backward pass traces the steps
    // again after the layer's call, and must read that call's masks (it read none, and training failed, before 12-07)
    List<DropoutCase> cases = List.of(
        new DropoutCase("LSTM", u -> new LSTM(3).dropout(0.3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new LSTM(3)),
        new DropoutCase("GRU", u -> new GRU(3).dropout(0.3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new GRU(3)),
        new DropoutCase("LSTM, recurrent only", u -> new LSTM(3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new LSTM(3)), // projected steps: the hand product must see the mask and step aside
        new DropoutCase("GRU, recurrent only", u -> new GRU(3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new GRU(3)),
        new DropoutCase("SimpleRNN", u -> new SimpleRNN(3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new SimpleRNN(3)),
        new DropoutCase("LSTM backwards", u -> new LSTM(3).dropout(0.3).seed(7).unroll(u).goBackwards(true),
            () -> new LSTM(3).goBackwards(true)),
        new DropoutCase("stacked cells",
            u -> new RNN(List.of(new LSTMCell(3).dropout(0.3).recurrentDropout(0.3).seed(7),
                new GRUCell(2).recurrentDropout(0.4).seed(8))).unroll(u),
            () -> new RNN(List.of(new LSTMCell(3), new GRUCell(2)))),
        new DropoutCase("Bidirectional", u -> new Bidirectional(new GRU(3).recurrentDropout(0.4).seed(7).unroll(u)),
            () -> new Bidirectional(new GRU(3))));
    for (DropoutCase c : cases) {
      assertTrainsAsUnrolled(c, RecurrentGradientTest::trained);
    }
  }

  @Test
  void aSharedLayerCalledTwiceKeepsEachCallsMasks() {
    // two calls of one layer draw two sets of masks; the backward pass of the first call, traced after the second
    // call, must read the first call's masks, as the unrolled graph does
    List<DropoutCase> cases = List.of(
        new DropoutCase("shared LSTM", u -> new LSTM(3).dropout(0.3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new LSTM(3)),
        new DropoutCase("shared LSTM, recurrent only", u -> new LSTM(3).recurrentDropout(0.4).seed(7).unroll(u),
            () -> new LSTM(3)));
    for (DropoutCase c : cases) {
      assertTrainsAsUnrolled(c, RecurrentGradientTest::trainedShared);
    }
  }

  /**
   * The case's layer trains ({@code train}: every weight value after two SGD steps) to the weights of its unrolled
   * graph, and to other weights than the same layer without dropout.
   */
  private static void assertTrainsAsUnrolled(DropoutCase c, java.util.function.Function<Layer, float[]> train) {
    float[] looped = train.apply(c.make().apply(false));
    float[] unrolled = train.apply(c.make().apply(true));
    for (int i = 0; i < looped.length; i++) {
      assertEquals(unrolled[i], looped[i], 1e-5, c.name() + " weight value " + i + " after two dropout steps");
    }
    float[] plain = train.apply(c.plain().get());
    double moved = 0;
    for (int i = 0; i < looped.length; i++) {
      moved = Math.max(moved, Math.abs(plain[i] - looped[i]));
    }
    assertTrue(moved > 1e-3, c.name() + ": dropout changed the training (largest difference " + moved + ")");
  }

  /** Every weight value of [a, b] -> the same layer on each -> Concatenate -> Dense(1) after two SGD steps. */
  private static float[] trainedShared(Layer shared) {
    io.keras4j.backend.Backend.setRandomSeed(1);
    KerasTensor a = Input.of(4, 2);
    KerasTensor b = Input.of(4, 2);
    KerasTensor merged = new Concatenate().apply(List.of(shared.apply(a), shared.apply(b))).get(0);
    KerasTensor out = new Dense(1).apply(merged);
    Random rnd = new Random(3);
    HostArray xa = new HostArray(random(rnd, 5 * 4 * 2, 1), Shape.of(5, 4, 2));
    HostArray xb = new HostArray(random(rnd, 5 * 4 * 2, 1), Shape.of(5, 4, 2));
    HostArray y = new HostArray(random(rnd, 5, 1), Shape.of(5, 1));
    try (Model m = new Model(List.of(a, b), List.of(out))) {
      m.compile(new SGD(0.5), "mse");
      m.trainOnBatch(List.of(xa, xb), y);
      m.trainOnBatch(List.of(xa, xb), y);
      return flatten(m.getWeights());
    }
  }

  private static float[] flatten(List<io.keras4j.data.NDArray> weights) {
    int n = weights.stream().mapToInt(w -> w.toFloatArray().length).sum();
    float[] out = new float[n];
    int at = 0;
    for (io.keras4j.data.NDArray w : weights) {
      float[] v = w.toFloatArray();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  /** Every weight value of x (4 steps of 2 features) -> layer -> Dense(1) after two SGD steps in training mode. */
  private static float[] trained(Layer layer) {
    io.keras4j.backend.Backend.setRandomSeed(1);
    float[][][] x = new float[5][4][2];
    float[][] y = new float[5][1];
    Random rnd = new Random(2);
    for (int i = 0; i < 5; i++) {
      for (float[] t : x[i]) {
        t[0] = (float) rnd.nextGaussian();
        t[1] = (float) rnd.nextGaussian();
      }
      y[i][0] = (float) rnd.nextGaussian();
    }
    try (io.keras4j.models.Sequential m = new io.keras4j.models.Sequential(new InputLayer(4, 2), layer,
        new Dense(1))) {
      m.compile(new SGD(0.5), "mse");
      m.trainOnBatch(x, y);
      m.trainOnBatch(x, y);
      return flatten(m.getWeights());
    }
  }

  /** Builds x (3 steps of 2 features) [+ initial states of size 2] -> layer -> mse against fixed targets. */
  private static void check(String name, Supplier<BaseRNN<?>> make, int states) {
    check(name, make, states, false);
  }

  /**
   * {@link #check(String, Supplier, int)}, with {@code masked} a {@code Masking()} layer before the recurrent layer
   * and one all-zero (masked) step in three of the four samples (the first, the last and a middle step).
   */
  static void check(String name, Supplier<BaseRNN<?>> make, int states, boolean masked) {
    BaseRNN<?> layer = make.get();
    KerasTensor x = Input.of(3, 2);
    List<KerasTensor> ins = new java.util.ArrayList<>(List.of(x));
    for (int i = 0; i < states; i++) {
      ins.add(Input.of(2));
    }
    List<KerasTensor> layerIns = new java.util.ArrayList<>(ins);
    if (masked) {
      layerIns.set(0, new Masking().apply(x));
    }
    KerasTensor out = layer.apply(layerIns).get(0);
    try (Model model = new Model(ins, List.of(out))) {
      model.compile(new SGD(1.0), "mse");
      Random r = new Random(11);
      for (Variable v : layer.weights()) {
        v.assign(random(r, (int) v.shape().size(), 0.6));
      }
      List<Object> xs = new java.util.ArrayList<>();
      float[] seq = random(r, 4 * 3 * 2, 1);
      if (masked) {
        for (int[] sampleStep : new int[][] {{0, 0}, {1, 2}, {2, 1}}) {
          int from = (sampleStep[0] * 3 + sampleStep[1]) * 2;
          java.util.Arrays.fill(seq, from, from + 2, 0f);
        }
      }
      xs.add(new HostArray(seq, Shape.of(4, 3, 2)));
      for (int i = 0; i < states; i++) {
        xs.add(new HostArray(random(r, 4 * 2, 0.5), Shape.of(4, 2)));
      }
      Object input = xs.size() == 1 ? xs.get(0) : xs;
      Shape outShape = out.shape().with(0, 4);
      HostArray y = new HostArray(random(r, (int) outShape.size(), 0.5), outShape);
      List<float[]> before = layer.weights().stream().map(Variable::floatValue).toList();
      model.trainOnBatch(input, y);
      List<float[]> afterStep = layer.weights().stream().map(Variable::floatValue).toList();
      for (int w = 0; w < before.size(); w++) {
        layer.weights().get(w).assign(before.get(w)); // the loss is differentiated at the weights before the step
      }
      double worst = 0;
      for (int w = 0; w < before.size(); w++) {
        Variable v = layer.weights().get(w);
        float[] after = afterStep.get(w);
        for (int i = 0; i < after.length; i++) {
          double analytic = before.get(w)[i] - after[i];
          float[] plus = before.get(w).clone();
          float[] minus = before.get(w).clone();
          plus[i] += (float) H;
          minus[i] -= (float) H;
          v.assign(plus);
          double lp = mse(model, input, y);
          v.assign(minus);
          double lm = mse(model, input, y);
          double numeric = (lp - lm) / (plus[i] - minus[i]);
          worst = Math.max(worst, Math.abs(numeric - analytic));
        }
        v.assign(before.get(w));
      }
      assertTrue(worst < TOL, name + ": largest gradient error " + worst);
    }
  }

  private static double mse(Model model, Object input, HostArray y) {
    float[] p = model.predict(input, 4).toFloatArray();
    float[] t = (float[]) y.data();
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      sum += (p[i] - t[i]) * (double) (p[i] - t[i]);
    }
    return sum / p.length;
  }

  private static float[] random(Random r, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * scale);
    }
    return v;
  }
}
