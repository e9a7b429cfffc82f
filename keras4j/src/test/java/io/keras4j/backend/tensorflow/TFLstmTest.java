package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.SystemProperties;
import io.keras4j.backend.Backend;
import io.keras4j.backend.BatchHint;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnResult;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ops.lstm as TensorFlow's fused kernel: Keras' LSTM cell (gates i, f, c, o of [x, h] · [kernel; recurrent] + bias,
 * sigmoid and tanh) against the same recurrence written out in Java, its gradient against finite differences of that
 * Java recurrence, and a wide batch as two kernels.
 */
class TFLstmTest {
  static final int T = 4;
  static final int F = 2;
  static final int U = 3;

  /** The inputs of a recurrence: x (B, T, F), h0, c0 (B, U), kernel (F, 4U), recurrent (U, 4U), bias (4U). */
  record Case(int batch, double[] x, double[] h0, double[] c0, double[] kernel, double[] recurrent, double[] bias) {
    static Case random(int batch, long seed) {
      Random r = new Random(seed);
      return new Case(batch, gaussian(r, batch * T * F, 1), gaussian(r, batch * U, 0.5), gaussian(r, batch * U, 0.5),
          gaussian(r, F * 4 * U, 0.6), gaussian(r, U * 4 * U, 0.6), gaussian(r, 4 * U, 0.3));
    }

    double[] get(int k) {
      return List.of(x, h0, c0, kernel, recurrent, bias).get(k);
    }

    Case with(int k, double[] v) {
      double[][] a = {x, h0, c0, kernel, recurrent, bias};
      a[k] = v;
      return new Case(batch, a[0], a[1], a[2], a[3], a[4], a[5]);
    }
  }

  static double[] gaussian(Random r, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * scale); // float values, so both sides start from the same numbers
    }
    return v;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Keras' LSTM cell in Java: the outputs (B, T, U) in the order the steps ran, then the final h and c, as one array
   * of B*T*U + 2*B*U values.
   */
  static double[] reference(Case c, boolean backwards) {
    int b = c.batch();
    double[] out = new double[b * T * U + 2 * b * U];
    for (int row = 0; row < b; row++) {
      double[] h = java.util.Arrays.copyOfRange(c.h0(), row * U, row * U + U);
      double[] cs = java.util.Arrays.copyOfRange(c.c0(), row * U, row * U + U);
      for (int s = 0; s < T; s++) {
        int t = backwards ? T - 1 - s : s;
        double[] z = new double[4 * U];
        for (int j = 0; j < 4 * U; j++) {
          z[j] = c.bias()[j];
          for (int f = 0; f < F; f++) {
            z[j] += c.x()[(row * T + t) * F + f] * c.kernel()[f * 4 * U + j];
          }
          for (int u = 0; u < U; u++) {
            z[j] += h[u] * c.recurrent()[u * 4 * U + j];
          }
        }
        for (int u = 0; u < U; u++) {
          double i = sigmoid(z[u]);
          double fg = sigmoid(z[U + u]);
          double g = Math.tanh(z[2 * U + u]);
          double o = sigmoid(z[3 * U + u]);
          cs[u] = fg * cs[u] + i * g;
          h[u] = o * Math.tanh(cs[u]);
          out[(row * T + s) * U + u] = h[u];
        }
      }
      System.arraycopy(h, 0, out, b * T * U + row * U, U);
      System.arraycopy(cs, 0, out, b * T * U + b * U + row * U, U);
    }
    return out;
  }

  /** The loss whose gradient is checked: the outputs and final states weighted by fixed coefficients. */
  static double loss(double[] outputs) {
    double l = 0;
    for (int i = 0; i < outputs.length; i++) {
      l += outputs[i] * coefficient(i);
    }
    return l;
  }

  static double coefficient(int i) {
    return Math.sin(0.7 * i + 0.3);
  }

  /**
   * One run of Ops.lstm: {@code values} the outputs and final states (as {@link #reference}), then d loss / d each
   * input; {@code opTypes} the types of the traced graph's ops.
   */
  record Run(List<float[]> values, List<String> opTypes) {
    long count(String opType) {
      return opTypes.stream().filter(opType::equals).count();
    }
  }

  /** Ops.lstm on {@code c} with the batch hint {@code hint} (0 for none). */
  static Run fused(Case c, boolean backwards, int hint) {
    try (ComputeGraph g = Backend.newGraph()) {
      int b = c.batch();
      TracedFunction fn = BatchHint.with(hint, () -> g.trace(() -> {
        Ops ops = Backend.ops();
        List<Tensor> in = new ArrayList<>();
        Shape[] shapes = {Shape.of(-1, T, F), Shape.of(-1, U), Shape.of(-1, U), Shape.of(F, 4 * U),
            Shape.of(U, 4 * U), Shape.of(4 * U)};
        for (Shape s : shapes) {
          in.add(ops.placeholder("float32", s));
        }
        RnnResult r = ops.lstm(in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5), backwards, true);
        Tensor all = ops.concatenate(List.of(ops.reshape(r.outputs(), -1L),
            ops.reshape(r.states().get(0), -1L), ops.reshape(r.states().get(1), -1L)), 0);
        float[] k = new float[b * T * U + 2 * b * U];
        for (int i = 0; i < k.length; i++) {
          k[i] = (float) coefficient(i);
        }
        Tensor loss = ops.sum(ops.multiply(all, ops.constant(k, Shape.of(k.length))), null, false);
        List<Tensor> out = new ArrayList<>(List.of(all));
        out.addAll(ops.gradients(loss, in));
        return out;
      }));
      Shape[] shapes = {Shape.of(b, T, F), Shape.of(b, U), Shape.of(b, U), Shape.of(F, 4 * U), Shape.of(U, 4 * U),
          Shape.of(4 * U)};
      List<NativeArray> args = new ArrayList<>();
      for (int k = 0; k < shapes.length; k++) {
        args.add(Backend.array(io.keras4j.data.NDArray.of(c.get(k)).toFloatArray(), shapes[k]));
      }
      List<NativeArray> res = fn.call(args);
      List<float[]> out = new ArrayList<>();
      for (NativeArray a : res) {
        out.add(a.toFloatArray());
      }
      res.forEach(NativeArray::close);
      args.forEach(NativeArray::close);
      return new Run(out, types(g));
    }
  }

  static List<String> types(ComputeGraph g) {
    List<String> t = new ArrayList<>();
    for (Iterator<org.tensorflow.GraphOperation> it = ((TFComputeGraph) g).graph().operations(); it.hasNext(); ) {
      t.add(it.next().type());
    }
    return t;
  }

  @Test
  void theKernelComputesKerasLstmCellForwardsAndBackwards() {
    for (boolean backwards : new boolean[] {false, true}) {
      Case c = Case.random(2, backwards ? 11 : 12);
      double[] want = reference(c, backwards);
      Run run = fused(c, backwards, 0);
      float[] got = run.values().get(0);
      assertEquals(want.length, got.length);
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], got[i], 1e-5, (backwards ? "backwards " : "") + "output or state " + i);
      }
      assertEquals(1, run.count("BlockLSTMV2"), "one fused kernel");
    }
  }

  @Test
  void itsGradientIsTheFiniteDifferenceOfTheRecurrence() {
    for (boolean backwards : new boolean[] {false, true}) {
      Case c = Case.random(2, backwards ? 21 : 22);
      Run run = fused(c, backwards, 0);
      List<float[]> got = run.values();
      String[] names = {"x", "h0", "c0", "kernel", "recurrent_kernel", "bias"};
      double eps = 1e-5;
      for (int k = 0; k < names.length; k++) {
        for (int i = 0; i < c.get(k).length; i++) {
          double[] up = c.get(k).clone();
          double[] down = c.get(k).clone();
          up[i] += eps;
          down[i] -= eps;
          double want = (loss(reference(c.with(k, up), backwards)) - loss(reference(c.with(k, down), backwards)))
              / (2 * eps);
          assertEquals(want, got.get(1 + k)[i], 1e-4, names[k] + "[" + i + "]" + (backwards ? " backwards" : ""));
        }
      }
      assertEquals(1, run.count("BlockLSTMGradV2"), "one fused gradient kernel");
    }
  }

  /** The number of BlockLSTMV2 kernels in a graph tracing {@code layer} on (batch, 6, 3) sequences. */
  static long kernels(io.keras4j.layers.Layer layer, boolean training) {
    try (ComputeGraph g = Backend.newGraph()) {
      g.trace(() -> List.of(layer.apply(Backend.ops().placeholder("float32", Shape.of(-1, 6, 3)), training)));
      return types(g).stream().filter("BlockLSTMV2"::equals).count();
    }
  }

  @Test
  void anLstmLayerTrainsThroughTheKernelOnlyWhereKerasCellAndOptionsAllow() {
    assertEquals(1, kernels(new io.keras4j.layers.LSTM(4), true), "training");
    assertEquals(1, kernels(new io.keras4j.layers.LSTM(4).goBackwards(true).returnSequences(true), true));
    assertEquals(0, kernels(new io.keras4j.layers.LSTM(4), false), "inference keeps the loop");
    assertEquals(0, kernels(new io.keras4j.layers.LSTM(4).useCudnn(false), true), "use_cudnn=false");
    assertEquals(0, kernels(new io.keras4j.layers.LSTM(4).unroll(true), true), "unroll");
    assertEquals(0, kernels(new io.keras4j.layers.LSTM(4).dropout(0.2), true), "dropout");
    assertEquals(0, kernels(new io.keras4j.layers.LSTM(4).recurrentActivation("hard_sigmoid"), true));
    assertEquals(0, kernels(new io.keras4j.layers.RNN(new io.keras4j.layers.LSTMCell(4)), true), "RNN(LSTMCell)");
    assertEquals(0, kernels(new io.keras4j.layers.LSTM(4).dtype("mixed_bfloat16"), true), "bfloat16");
  }

  @Test
  void aWideBatchRunsAsTwoKernelsWithTheSameResults() {
    Case c = Case.random(33, 31); // the chains own 16 and 17 rows
    Run twoKernels = SystemProperties.with("keras4j.rnn.chains", "2", () -> fused(c, false, 33));
    assertEquals(2, twoKernels.count("BlockLSTMV2"), "two fused kernels");
    Run oneKernel = SystemProperties.with("keras4j.rnn.chains", "1", () -> fused(c, false, 33));
    assertEquals(1, oneKernel.count("BlockLSTMV2"), "one fused kernel");
    List<float[]> two = twoKernels.values();
    List<float[]> one = oneKernel.values();
    double[] want = reference(c, false);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], two.get(0)[i], 1e-5, "output or state " + i);
    }
    for (int k = 1; k < one.size(); k++) {
      for (int i = 0; i < one.get(k).length; i++) {
        assertEquals(one.get(k)[i], two.get(k)[i], 1e-4, "gradient " + k + "[" + i + "]");
      }
    }
    Case single = Case.random(1, 32); // the first of two chains owns no row: it runs on the row and is dropped
    float[] got = SystemProperties.with("keras4j.rnn.chains", "2", () -> fused(single, true, 1)).values().get(0);
    double[] expected = reference(single, true);
    assertEquals(expected.length, got.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], 1e-5, "one row, output or state " + i);
    }
  }
}
