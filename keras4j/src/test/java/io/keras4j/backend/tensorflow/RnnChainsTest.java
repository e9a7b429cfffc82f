package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.Backend;
import io.keras4j.backend.BatchHint;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnResult;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A recurrence over a wide batch runs as two loops over the halves of the batch (on 2 cores or more), which compute
 * what one loop computes: h' = tanh(x W + h U) checked against the same recurrence in Java, its gradients against one
 * loop and finite differences.
 */
class RnnChainsTest {
  static final int T = 5;
  static final int F = 2;
  static final int U = 3;
  final Random rnd = new Random(11);
  final float[] w0 = gaussian(F * U, 0.5);
  final float[] u0 = gaussian(U * U, 0.5);

  float[] gaussian(int n, double scale) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (rnd.nextGaussian() * scale);
    }
    return out;
  }

  /** What a traced recurrence returned, and its graph's forward loops and run mode. */
  record Run(float[] outputs, float[] last, float[] state, float[] dw, float[] du, float[] dx, float[] dh0,
      int loops, boolean inline) {}

  /**
   * The recurrence over {@code batch} rows (mask: 1 keeps the step) with {@code hint} as the batch hint; the loss is
   * the sum of the outputs times {@code c} plus the final state's sum.
   */
  Run run(String chains, int hint, int batch, float[] x, float[] h0, float[] mask, float[] c, boolean backwards) {
    return withChains(chains, () -> run(hint, batch, x, h0, mask, c, backwards, true));
  }

  Run run(int hint, int batch, float[] x, float[] h0, float[] mask, float[] c, boolean backwards, boolean rowwise) {
    Variable w = new Variable("w", Shape.of(F, U), "float32", true, w0);
    Variable u = new Variable("u", Shape.of(U, U), "float32", true, u0);
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = BatchHint.with(hint, () -> g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor xs = ops.placeholder("float32", Shape.of(-1, T, F));
        Tensor h = ops.placeholder("float32", Shape.of(-1, U));
        Tensor m = ops.placeholder("float32", Shape.of(-1, T));
        Tensor cs = ops.placeholder("float32", Shape.of(-1, T, U));
        RnnStep step = (in, states) -> {
          Ops o = Backend.ops();
          Tensor next = o.tanh(o.add(o.matmul(in.get(0), o.read(w)), o.matmul(states.get(0), o.read(u))));
          return new RnnStep.Output(next, List.of(next));
        };
        RnnResult r = ops.rnn(rowwise ? RnnStep.rowwise(step) : step, List.of(xs), List.of(h), m, backwards, false,
            false, true);
        Tensor loss = ops.add(ops.sum(ops.multiply(r.outputs(), cs), null, false),
            ops.sum(r.states().get(0), null, false));
        List<Tensor> d = ops.gradients(loss, List.of(ops.read(w), ops.read(u), xs, h));
        return List.of(r.outputs(), r.lastOutput(), r.states().get(0), d.get(0), d.get(1), d.get(2), d.get(3));
      }));
      try (NativeArray xa = Backend.array(x, Shape.of(batch, T, F));
          NativeArray ha = Backend.array(h0, Shape.of(batch, U));
          NativeArray ma = Backend.array(mask, Shape.of(batch, T));
          NativeArray ca = Backend.array(c, Shape.of(batch, T, U))) {
        List<NativeArray> out = fn.call(List.of(xa, ha, ma, ca));
        float[][] v = new float[out.size()][];
        for (int i = 0; i < v.length; i++) {
          v[i] = out.get(i).toFloatArray();
        }
        out.forEach(NativeArray::close);
        return new Run(v[0], v[1], v[2], v[3], v[4], v[5], v[6], forwardLoops(g),
            TFComputeGraph.runsInline(fn));
      }
    }
  }

  /** {@code body}'s result with the system property {@code keras4j.rnn.chains} set to {@code chains}. */
  static <T> T withChains(String chains, java.util.function.Supplier<T> body) {
    return io.keras4j.SystemProperties.with("keras4j.rnn.chains", chains, body);
  }

  /** The number of forward loops in {@code g}'s graph. */
  static int forwardLoops(ComputeGraph g) {
    Iterator<org.tensorflow.GraphOperation> it = ((TFComputeGraph) g).graph().operations();
    int n = 0;
    while (it.hasNext()) {
      org.tensorflow.GraphOperation op = it.next();
      String name = op.name().substring(op.name().lastIndexOf('/') + 1); // not the gradients' rnn_backward
      n += op.type().equals("StatelessWhile") && name.startsWith("rnn_forward") ? 1 : 0;
    }
    return n;
  }

  /**
   * The recurrence in Java (double): {outputs (batch, T, U) in the order of the steps run, final states (batch, U)},
   * masked steps keeping the state and repeating the previous output, as Keras.
   */
  static double[][] reference(int batch, float[] x, float[] h0, float[] mask, float[] w, float[] u,
      boolean backwards) {
    double[] outputs = new double[batch * T * U];
    double[] states = new double[batch * U];
    for (int b = 0; b < batch; b++) {
      double[] h = new double[U];
      double[] prev = new double[U];
      for (int j = 0; j < U; j++) {
        h[j] = h0[b * U + j];
      }
      for (int s = 0; s < T; s++) {
        int t = backwards ? T - 1 - s : s;
        if (mask[b * T + t] != 0) {
          double[] next = new double[U];
          for (int j = 0; j < U; j++) {
            double z = 0;
            for (int i = 0; i < F; i++) {
              z += x[(b * T + t) * F + i] * w[i * U + j];
            }
            for (int i = 0; i < U; i++) {
              z += h[i] * u[i * U + j];
            }
            next[j] = Math.tanh(z);
          }
          h = next;
          prev = next;
        }
        for (int j = 0; j < U; j++) {
          outputs[(b * T + s) * U + j] = prev[j];
        }
      }
      System.arraycopy(h, 0, states, b * U, U);
    }
    return new double[][] {outputs, states};
  }

  static double loss(double[][] ref, float[] c) {
    double sum = 0;
    for (int i = 0; i < c.length; i++) {
      sum += ref[0][i] * c[i];
    }
    for (double s : ref[1]) {
      sum += s;
    }
    return sum;
  }

  float[] mask(int batch) {
    float[] m = new float[batch * T];
    for (int i = 0; i < m.length; i++) {
      m[i] = rnd.nextInt(4) == 0 ? 0 : 1;
    }
    return m;
  }

  static void assertClose(float[] expected, float[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what + " size");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
    }
  }

  static void assertClose(double[] expected, float[] actual, double tol, String what) {
    float[] e = new float[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) expected[i];
    }
    assertClose(e, actual, tol, what);
  }

  @Test
  void twoChainsOnThePoolComputeWhatOneLoopComputes() {
    int batch = 33; // halves of 16 and 17
    for (boolean backwards : new boolean[] {false, true}) {
      float[] x = gaussian(batch * T * F, 1);
      float[] h0 = gaussian(batch * U, 0.5);
      float[] m = mask(batch);
      float[] c = gaussian(batch * T * U, 1);
      Run chains = run("2", 0, batch, x, h0, m, c, backwards);
      Run one = run("1", 0, batch, x, h0, m, c, backwards);
      assertEquals(2, chains.loops(), "forward loops of two chains");
      assertFalse(chains.inline(), "chains run on the inter-op pool");
      assertEquals(1, one.loops(), "forward loops of one chain");
      assertEquals(TFComputeGraph.inlineRuns(), one.inline(), "one loop runs inline (unless inline runs are off)");

      double[][] ref = reference(batch, x, h0, m, w0, u0, backwards);
      assertClose(ref[0], chains.outputs(), 1e-5, "outputs, backwards=" + backwards);
      assertClose(ref[1], chains.state(), 1e-5, "final state");
      float[] last = new float[batch * U];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(chains.outputs(), (b * T + T - 1) * U, last, b * U, U);
      }
      assertClose(last, chains.last(), 1e-6, "last output");
      assertClose(one.dw(), chains.dw(), 1e-5, "dW against one loop");
      assertClose(one.du(), chains.du(), 1e-5, "dU against one loop");
      assertClose(one.dx(), chains.dx(), 1e-6, "dx against one loop");
      assertClose(one.dh0(), chains.dh0(), 1e-6, "dh0 against one loop");
      for (int i = 0; i < F * U; i++) { // dW against central differences of the Java recurrence
        float[] plus = w0.clone();
        float[] minus = w0.clone();
        plus[i] += 1e-3f;
        minus[i] -= 1e-3f;
        double fd = (loss(reference(batch, x, h0, m, plus, u0, backwards), c)
            - loss(reference(batch, x, h0, m, minus, u0, backwards), c)) / (plus[i] - minus[i]);
        assertEquals(fd, chains.dw()[i], 2e-3 * Math.max(1, Math.abs(fd)), "dW[" + i + "] by finite differences");
      }
    }
  }

  @Test
  void aBatchSmallerThanTheChainsGivesEachChainARowAndKeepsItsOwn() {
    for (int batch : new int[] {1, 2, 3}) {
      float[] x = gaussian(batch * T * F, 1);
      float[] h0 = gaussian(batch * U, 0.5);
      float[] m = new float[batch * T];
      java.util.Arrays.fill(m, 1);
      float[] c = gaussian(batch * T * U, 1);
      Run chains = run("2", 0, batch, x, h0, m, c, false);
      Run one = run("1", 0, batch, x, h0, m, c, false);
      assertEquals(2, chains.loops(), "forward loops of two chains over " + batch + " rows");
      double[][] ref = reference(batch, x, h0, m, w0, u0, false);
      assertClose(ref[0], chains.outputs(), 1e-5, "outputs of a batch of " + batch);
      assertClose(ref[1], chains.state(), 1e-5, "final state of a batch of " + batch);
      assertClose(one.dw(), chains.dw(), 1e-5, "dW of a batch of " + batch + " (a dropped row adds nothing)");
      assertClose(one.du(), chains.du(), 1e-5, "dU of a batch of " + batch);
      assertClose(one.dx(), chains.dx(), 1e-6, "dx of a batch of " + batch);
    }
  }

  @Test
  void aRowwiseStepRunsAsTwoChainsFromABatchHintOf32OnTwoCores() {
    float[] x = gaussian(40 * T * F, 1);
    float[] ones = new float[40 * T];
    java.util.Arrays.fill(ones, 1);
    float[] h0 = new float[40 * U];
    float[] c = new float[40 * T * U];
    boolean cores = Runtime.getRuntime().availableProcessors() >= 2;
    assertEquals(cores ? 2 : 1, run("auto", RnnChains.MIN_ROWS, 40, x, h0, ones, c, false).loops(), "hint 32");
    assertEquals(1, run("auto", RnnChains.MIN_ROWS - 1, 40, x, h0, ones, c, false).loops(), "hint 31");
    assertEquals(1, run("auto", 0, 40, x, h0, ones, c, false).loops(), "no hint");
    Run notRowwise = withChains("auto", () -> run(64, 40, x, h0, ones, c, false, false));
    assertEquals(1, notRowwise.loops(), "a step not marked rowwise");
    assertEquals(1, withChains("2", () -> run(64, 40, x, h0, ones, c, false, false)).loops(), "forced, not rowwise");
    assertThrows(IllegalArgumentException.class, () -> run("two", 64, 40, x, h0, ones, c, false));
  }

  @Test
  void aStepThatUsesATensorOfTheWholeBatchRunsAsOneLoopAndTheGivenUpChainNeverRuns() {
    // h' = h * s * v, s a per-row tensor computed before the loop (as a dropout mask), v a weight updated by SGD
    int batch = 40;
    float[] scale = gaussian(batch * U, 1);
    float[] h0 = gaussian(batch * U, 1);
    Variable v = new Variable("v", Shape.of(U), "float32", true, new float[] {1, 1, 1});
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = withChains("2", () -> g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor xs = ops.placeholder("float32", Shape.of(-1, T, 1));
        Tensor h = ops.placeholder("float32", Shape.of(-1, U));
        Tensor s = ops.placeholder("float32", Shape.of(-1, U));
        RnnStep step = (in, states) -> {
          Ops o = Backend.ops();
          Tensor next = o.multiply(o.multiply(states.get(0), s), o.read(v));
          return new RnnStep.Output(next, List.of(next));
        };
        Tensor last = ops.rnn(RnnStep.rowwise(step), List.of(xs), List.of(h), null, false, false, false, false)
            .lastOutput();
        Tensor grad = ops.gradients(ops.sum(last, null, false), List.of(ops.read(v))).get(0);
        ops.sgdUpdate(v, ops.constant(0f), grad);
        return List.of(last, grad);
      }));
      assertEquals(TFComputeGraph.inlineRuns(), TFComputeGraph.runsInline(fn), "one loop runs inline");
      assertEquals(2, forwardLoops(g), "the given-up chain and the one loop");
      int updates = 0;
      for (Iterator<org.tensorflow.GraphOperation> it = ((TFComputeGraph) g).graph().operations();
          it.hasNext(); ) {
        org.tensorflow.GraphOperation op = it.next();
        if (op.type().equals("ResourceApplyGradientDescent")) {
          updates++;
          long loops = op.controlInputs().stream().filter(d -> d.type().equals("StatelessWhile")
              && d.name().substring(d.name().lastIndexOf('/') + 1).startsWith("rnn_forward")).count();
          assertEquals(1, loops, "the update waits for the forward loop that reads v, not for the given-up chain");
        }
      }
      assertEquals(1, updates, "v's update");
      try (NativeArray xa = Backend.array(new float[batch * T], Shape.of(batch, T, 1));
          NativeArray ha = Backend.array(h0, Shape.of(batch, U));
          NativeArray sa = Backend.array(scale, Shape.of(batch, U))) {
        List<NativeArray> out = fn.call(List.of(xa, ha, sa));
        float[] got = out.get(0).toFloatArray();
        float[] dv = out.get(1).toFloatArray();
        out.forEach(NativeArray::close);
        float[] expected = new float[batch * U];
        float[] expectedDv = new float[U]; // d/dv of sum(h0 s^T v^T) at v = 1: T sum_b h0 s^T (the step ignores x)
        for (int i = 0; i < expected.length; i++) {
          expected[i] = (float) (h0[i] * Math.pow(scale[i], T));
          expectedDv[i % U] += T * expected[i];
        }
        assertClose(expected, got, 1e-5, "h0 * s^T");
        assertClose(expectedDv, dv, 1e-4, "d/dv");
      }
    }
  }
}
