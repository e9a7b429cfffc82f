package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ops.rnn (Keras' backend rnn) on a plain tanh recurrence, {@code h' = tanh(x W + h U)}, against the same recurrence
 * written in Java: outputs, final state, masks, reversed order, and the gradient against finite differences of the
 * Java recurrence, for the loop and for its unrolled form.
 */
class RnnTest {
  static final int B = 2;
  static final int T = 5;
  static final int F = 3;
  static final int U = 4;
  final Random rnd = new Random(7);
  final float[] x = random(B * T * F);
  final float[] w = random(F * U);
  final float[] u = random(U * U);
  final float[] h0 = random(B * U);
  final float[] r = random(B * T * U);
  final float[] mask = {1, 1, 0, 1, 0, 1, 0, 0, 1, 1};

  float[] random(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rnd.nextGaussian() * 0.5);
    }
    return a;
  }

  /** The recurrence in Java: outputs (B, T, U) in processing order, then the final state (B, U). */
  static double[][] reference(float[] x, float[] w, float[] u, float[] h0, float[] mask, boolean backwards) {
    double[] outs = new double[B * T * U];
    double[] h = new double[B * U];
    for (int i = 0; i < h.length; i++) {
      h[i] = h0[i];
    }
    double[] prev = new double[B * U];
    for (int i = 0; i < T; i++) {
      int t = backwards ? T - 1 - i : i;
      double[] next = new double[B * U];
      for (int b = 0; b < B; b++) {
        boolean keep = mask == null || mask[b * T + t] != 0;
        for (int k = 0; k < U; k++) {
          double z = 0;
          for (int f = 0; f < F; f++) {
            z += x[(b * T + t) * F + f] * w[f * U + k];
          }
          for (int j = 0; j < U; j++) {
            z += h[b * U + j] * u[j * U + k];
          }
          double out = Math.tanh(z);
          next[b * U + k] = keep ? out : h[b * U + k];
          prev[b * U + k] = keep ? out : prev[b * U + k];
          outs[(b * T + i) * U + k] = prev[b * U + k];
        }
      }
      h = next;
    }
    return new double[][] {outs, h};
  }

  /** The scalar sum(outputs * r) + sum(final state) of the Java recurrence. */
  double loss(float[] x, float[] w, float[] u, float[] h0, boolean masked, boolean backwards) {
    double[][] ref = reference(x, w, u, h0, masked ? mask : null, backwards);
    double s = 0;
    for (int i = 0; i < ref[0].length; i++) {
      s += ref[0][i] * r[i];
    }
    for (double v : ref[1]) {
      s += v;
    }
    return s;
  }

  /** Runs Ops.rnn: outputs, final state, d loss / d x, d w, d u, d h0. */
  List<float[]> run(boolean unroll, boolean masked, boolean backwards, boolean knownTime) {
    Variable wv = new Variable("w", Shape.of(F, U), "float32", true, w);
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor xs = ops.placeholder("float32", Shape.of(-1, knownTime ? T : -1, F));
        Tensor uu = ops.placeholder("float32", Shape.of(U, U));
        Tensor h = ops.placeholder("float32", Shape.of(-1, U));
        Tensor m = ops.placeholder("float32", Shape.of(-1, knownTime ? T : -1));
        Tensor rr = ops.placeholder("float32", Shape.of(-1, knownTime ? T : -1, U));
        RnnStep step = (in, states) -> {
          Ops o = Backend.ops();
          Tensor z = o.add(o.matmul(in.get(0), o.read(wv)), o.matmul(states.get(0), uu));
          Tensor out = o.tanh(z);
          return new RnnStep.Output(out, List.of(out));
        };
        RnnResult res = ops.rnn(step, List.of(xs), List.of(h), masked ? m : null, backwards, unroll, false, true);
        Tensor loss = ops.add(ops.sum(ops.multiply(res.outputs(), rr), null, false),
            ops.sum(res.states().get(0), null, false));
        List<Tensor> grads = ops.gradients(loss, List.of(xs, ops.read(wv), uu, h));
        // fetched through identities: a graph value can be fetched once per call
        List<Tensor> out = new ArrayList<>(List.of(ops.identity(res.outputs()), ops.identity(res.states().get(0)),
            ops.identity(res.lastOutput())));
        out.addAll(grads);
        return out;
      });
      List<NativeArray> feeds = List.of(Backend.array(x, Shape.of(B, T, F)), Backend.array(u, Shape.of(U, U)),
          Backend.array(h0, Shape.of(B, U)), Backend.array(mask, Shape.of(B, T)), Backend.array(r, Shape.of(B, T, U)));
      List<NativeArray> res = fn.call(feeds);
      List<float[]> out = new ArrayList<>();
      for (NativeArray a : res) {
        out.add(a.toFloatArray());
        a.close();
      }
      feeds.forEach(NativeArray::close);
      return out;
    }
  }

  void check(boolean unroll, boolean masked, boolean backwards, boolean knownTime) {
    List<float[]> got = run(unroll, masked, backwards, knownTime);
    double[][] ref = reference(x, w, u, h0, masked ? mask : null, backwards);
    assertArrayEquals(toFloat(ref[0]), got.get(0), 1e-5f, "outputs");
    assertArrayEquals(toFloat(ref[1]), got.get(1), 1e-5f, "final state");
    float[] last = new float[B * U];
    for (int b = 0; b < B; b++) {
      System.arraycopy(toFloat(ref[0]), (b * T + T - 1) * U, last, b * U, U);
    }
    assertArrayEquals(last, got.get(2), 1e-5f, "last output");
    float[][] params = {x, w, u, h0};
    for (int p = 0; p < params.length; p++) {
      float[] a = params[p];
      float[] grad = got.get(3 + p);
      for (int i = 0; i < a.length; i++) {
        float keep = a[i];
        double eps = 1e-3;
        a[i] = (float) (keep + eps);
        double up = loss(x, w, u, h0, masked, backwards);
        a[i] = (float) (keep - eps);
        double down = loss(x, w, u, h0, masked, backwards);
        a[i] = keep;
        double fd = (up - down) / (2 * eps);
        assertEquals(fd, grad[i], 2e-3, "d loss / d param " + p + "[" + i + "]");
      }
    }
  }

  static float[] toFloat(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  @Test
  void loopMatchesTheRecurrenceAndItsGradient() {
    check(false, false, false, true);
  }

  @Test
  void loopWithUnknownSequenceLength() {
    check(false, false, false, false);
  }

  @Test
  void loopWithMaskAndBackwards() {
    check(false, true, false, true);
    check(false, true, true, false);
    check(false, false, true, true);
  }

  @Test
  void unrolledMatchesTheRecurrenceAndItsGradient() {
    check(true, false, false, true);
    check(true, true, true, true);
  }
}
