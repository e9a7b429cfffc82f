package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
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
import org.junit.jupiter.api.Test;

/** The loop behind Ops.rnn: its graph does not grow with the sequence length, and 1,000 steps train. */
class TFRnnTest {
  static final int F = 2;
  static final int U = 8;

  /** A training graph of a tanh recurrence over {@code steps} steps; returns its op count. */
  static int opsOfTrainingGraph(int steps, boolean unroll) {
    Variable w = new Variable("w", Shape.of(F, U), "float32", true, new float[F * U]);
    Variable u = new Variable("u", Shape.of(U, U), "float32", true, new float[U * U]);
    try (ComputeGraph g = Backend.newGraph()) {
      g.trace(() -> List.of(lossAndGrads(Backend.ops(), steps, w, u, unroll)));
      return opCount(g);
    }
  }

  /** The number of ops in {@code g}'s TensorFlow graph. */
  static int opCount(ComputeGraph g) {
    Iterator<?> it = ((TFComputeGraph) g).graph().operations();
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  static Tensor[] lossAndGrads(Ops ops, int steps, Variable w, Variable u, boolean unroll) {
    Tensor x = ops.placeholder("float32", Shape.of(-1, steps, F));
    Tensor h0 = ops.placeholder("float32", Shape.of(-1, U));
    RnnStep step = (in, states) -> {
      Ops o = Backend.ops();
      Tensor h = o.tanh(o.add(o.matmul(in.get(0), o.read(w)), o.matmul(states.get(0), o.read(u))));
      return new RnnStep.Output(h, List.of(h));
    };
    RnnResult r = ops.rnn(step, List.of(x), List.of(h0), null, false, unroll, false, false);
    Tensor loss = ops.mean(ops.square(ops.subtract(ops.sum(r.lastOutput(), new int[] {1}, false),
        ops.constant(0.5f))), null, false);
    List<Tensor> g = ops.gradients(loss, List.of(ops.read(w), ops.read(u)));
    return new Tensor[] {loss, g.get(0), g.get(1)};
  }

  @Test
  void theLoopsGraphIsTheSameForTenAndAThousandSteps() {
    int ten = opsOfTrainingGraph(10, false);
    int thousand = opsOfTrainingGraph(1000, false);
    assertEquals(ten, thousand, "ops in the training graph of 10 and of 1000 steps");
    int unrolled = opsOfTrainingGraph(10, true);
    int unrolled20 = opsOfTrainingGraph(20, true);
    assertTrue(unrolled20 > unrolled + 50, "unrolling grows the graph: " + unrolled + " then " + unrolled20);
  }

  @Test
  void aThousandStepsTrainWithPlainGradientDescent() {
    int steps = 1000;
    int batch = 4;
    float[] w0 = new float[F * U];
    float[] u0 = new float[U * U];
    java.util.Random rnd = new java.util.Random(3);
    for (int i = 0; i < w0.length; i++) {
      w0[i] = (float) (rnd.nextGaussian() * 0.3);
    }
    for (int i = 0; i < u0.length; i++) {
      u0[i] = (float) (rnd.nextGaussian() * 0.1);
    }
    float[] xs = new float[batch * steps * F];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) Math.sin(i * 0.01);
    }
    Variable w = new Variable("w", Shape.of(F, U), "float32", true, w0);
    Variable u = new Variable("u", Shape.of(U, U), "float32", true, u0);
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor[] lg = lossAndGrads(ops, steps, w, u, false);
        ops.assign(w, ops.subtract(ops.read(w), ops.multiply(lg[1], 0.1f)));
        ops.assign(u, ops.subtract(ops.read(u), ops.multiply(lg[2], 0.1f)));
        return List.of(lg[0]);
      });
      float first = 0;
      float last = 0;
      for (int i = 0; i < 30; i++) {
        try (NativeArray x = Backend.array(xs, Shape.of(batch, steps, F));
            NativeArray h = Backend.array(new float[batch * U], Shape.of(batch, U))) {
          List<NativeArray> out = fn.call(List.of(x, h));
          float loss = out.get(0).toFloatArray()[0];
          out.forEach(NativeArray::close);
          if (i == 0) {
            first = loss;
          }
          last = loss;
        }
      }
      assertTrue(Float.isFinite(last) && last < first * 0.5f, "loss " + first + " then " + last);
    }
  }

  @Test
  void theProjectionRunsOnTimeMajorSequencesBeforeTheLoopAndItsGradientFlows() {
    // step: h' = h + p with p = 2x (the projection); over 3 steps of one feature, backwards
    for (boolean unroll : new boolean[] {false, true}) {
      List<Shape> seen = new java.util.ArrayList<>();
      RnnStep plain = (in, states) -> {
        Tensor h = Backend.ops().add(states.get(0), in.get(0));
        return new RnnStep.Output(h, List.of(h));
      };
      RnnStep step = RnnStep.withProjection(plain, seqs -> {
        seen.add(seqs.get(0).shape());
        return List.of(Backend.ops().multiply(seqs.get(0), 2f));
      });
      try (ComputeGraph g = Backend.newGraph()) {
        TracedFunction fn = g.trace(() -> {
          Ops ops = Backend.ops();
          Tensor x = ops.placeholder("float32", Shape.of(-1, 3, 1));
          Tensor h0 = ops.placeholder("float32", Shape.of(-1, 1));
          RnnResult r = ops.rnn(step, List.of(x), List.of(h0), null, true, unroll, false, true);
          Tensor loss = ops.sum(ops.multiply(r.outputs(), ops.constant(new float[] {1, 10, 100}, Shape.of(1, 3, 1))),
              null, false);
          return List.of(r.outputs(), ops.gradients(loss, List.of(x)).get(0));
        });
        try (NativeArray x = Backend.array(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3, 1));
            NativeArray h = Backend.array(new float[] {0, 1}, Shape.of(2, 1))) {
          List<NativeArray> out = fn.call(List.of(x, h));
          // backwards: outputs 2x3, 2x3 + 2x2, ... from h0; sample 2 starts at 1
          float[] expected = {6, 10, 12, 1 + 12, 1 + 22, 1 + 30};
          float[] got = out.get(0).toFloatArray();
          // d loss / d x[t]: 2 times the weights of the outputs that include x[t] (x3 in all, x1 only in the last)
          float[] grad = {2 * 100, 2 * 110, 2 * 111, 2 * 100, 2 * 110, 2 * 111};
          float[] gotGrad = out.get(1).toFloatArray();
          out.forEach(NativeArray::close);
          for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], got[i], 1e-5, "unroll=" + unroll + " output " + i);
            assertEquals(grad[i], gotGrad[i], 1e-4, "unroll=" + unroll + " gradient " + i);
          }
        }
      }
      assertEquals(unroll ? Shape.of(-1, 3, 1) : Shape.of(3, -1, 1), seen.get(0), "unroll=" + unroll);
    }
  }
}
