package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operation;

/** A traced function's runs in the calling thread (the default) and on TensorFlow's inter-op thread pool. */
class TFComputeGraphTest {
  private static final String INLINE = "keras4j.tensorflow.inlineRuns";
  private static final float LR = 0.1f;

  /**
   * Runs {@code calls} gradient steps of (w x_i - 1)^2 over x in one traced loop per call, traced with the property
   * {@code keras4j.tensorflow.inlineRuns} set to {@code inline}; returns the last step's loss and w.
   */
  private static float[] steps(String inline, float[] x, int calls) {
    String saved = System.getProperty(INLINE);
    Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {0.3f});
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn;
      if (inline == null) {
        System.clearProperty(INLINE);
      } else {
        System.setProperty(INLINE, inline);
      }
      try {
        fn = g.trace(() -> {
          Ops ops = Backend.ops();
          Tensor xs = ops.placeholder("float32", Shape.of(x.length));
          return ops.repeat(x.length, i -> {
            Ops o = Backend.ops();
            Tensor err = o.subtract(o.multiply(o.read(w), o.take(xs, i, 0)), o.constant(1f));
            Tensor loss = o.square(err);
            Tensor grad = o.gradients(loss, List.of(o.read(w))).get(0);
            o.assign(w, o.subtract(o.read(w), o.multiply(grad, LR)));
            return List.of(loss);
          });
        });
      } finally {
        if (saved == null) {
          System.clearProperty(INLINE);
        } else {
          System.setProperty(INLINE, saved);
        }
      }
      float loss = 0;
      for (int c = 0; c < calls; c++) {
        try (NativeArray feed = Backend.array(x, Shape.of(x.length))) {
          List<NativeArray> out = fn.call(List.of(feed));
          loss = out.get(0).getFloat(0);
          out.forEach(NativeArray::close);
        }
      }
      return new float[] {loss, w.floatValue()[0]};
    }
  }

  @Test
  void inlineAndThreadPoolRunsBothGiveThePlainJavaSteps() {
    float[] x = {0.5f, -1f, 2f, 0.25f, 1.5f, -0.75f};
    int calls = 3;
    // by hand: loss_i = (w x_i - 1)^2, w <- w - LR * 2 (w x_i - 1) x_i, over x once per call
    double w = 0.3;
    double loss = 0;
    for (int c = 0; c < calls; c++) {
      for (float xi : x) {
        double err = w * xi - 1;
        loss = err * err;
        w -= LR * 2 * err * xi;
      }
    }
    for (String inline : new String[] {null, "true", "false"}) {
      float[] got = steps(inline, x, calls);
      assertEquals(loss, got[0], 1e-5, "the last step's loss, " + INLINE + "=" + inline);
      assertEquals(w, got[1], 1e-5, "w after the last step, " + INLINE + "=" + inline);
    }
  }

  @Test
  void runsAreInlineUnlessThePropertyIsFalse() {
    String saved = System.getProperty(INLINE);
    try {
      System.clearProperty(INLINE);
      assertTrue(TFComputeGraph.inlineRuns(), "default");
      System.setProperty(INLINE, "false");
      assertFalse(TFComputeGraph.inlineRuns(), INLINE + "=false");
    } finally {
      if (saved == null) {
        System.clearProperty(INLINE);
      } else {
        System.setProperty(INLINE, saved);
      }
    }
  }

  /** Two independent loops side by side over x, each returning its last iteration's x_i * scale. */
  private static TracedFunction twoLoops(ComputeGraph g, int n, boolean independent) {
    java.util.function.Supplier<List<Tensor>> body = () -> {
      Ops ops = Backend.ops();
      Tensor xs = ops.placeholder("float32", Shape.of(n));
      List<Tensor> out = new java.util.ArrayList<>();
      for (float scale : new float[] {1f, -2f}) {
        out.add(ops.repeat(ops.constant(new int[] {n}, Shape.scalar()), i -> {
          Ops o = Backend.ops();
          return List.of(o.multiply(o.take(xs, i, 0), o.constant(scale)));
        }).get(0));
      }
      return out;
    };
    return independent ? g.traceIndependent(body) : g.trace(body);
  }

  @Test
  void independentCopiesWithLoopsRunOnThePoolOthersInline() {
    float[] x = {0.5f, -1f, 2f, 0.25f};
    float last = 0.25f;
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction independent = twoLoops(g, x.length, true);
      TracedFunction plain = twoLoops(g, x.length, false);
      TracedFunction noLoop = g.traceIndependent(() -> {
        Ops ops = Backend.ops();
        Tensor xs = ops.placeholder("float32", Shape.of(x.length));
        Tensor at = ops.constant(new int[] {x.length - 1}, Shape.scalar());
        return List.of(ops.take(xs, at, 0), ops.multiply(ops.take(xs, at, 0), ops.constant(-2f)));
      });
      assertFalse(TFComputeGraph.runsInline(independent), "independent copies holding loops: the pool");
      assertTrue(TFComputeGraph.runsInline(plain), "one function with loops, not marked independent: inline");
      assertTrue(TFComputeGraph.runsInline(noLoop), "independent copies of a small model without loops: inline");
      int side = (int) Math.sqrt(TFComputeGraph.POOL_WEIGHTS);
      Variable big = new Variable("big", Shape.of(side, side), "float32", true, new float[side * side]);
      java.util.function.Supplier<List<Tensor>> readsBig = () -> {
        Ops ops = Backend.ops();
        return List.of(ops.sum(ops.read(big), new int[] {0, 1}, false), ops.sum(ops.read(big), new int[] {0}, false));
      };
      assertFalse(TFComputeGraph.runsInline(g.traceIndependent(readsBig)),
          "independent copies reading " + side * side + " weight values: the pool");
      assertTrue(TFComputeGraph.runsInline(g.trace(readsBig)), "the same, not marked independent: inline");
      for (TracedFunction fn : List.of(independent, plain, noLoop)) {
        try (NativeArray feed = Backend.array(x, Shape.of(x.length))) {
          List<NativeArray> out = fn.call(List.of(feed));
          assertEquals(last, out.get(0).getFloat(0), 1e-6);
          assertEquals(-2 * last, out.get(1).getFloat(0), 1e-6);
          out.forEach(NativeArray::close);
        }
      }
    }
  }

  /** Adds 1 to every value of {@code v} and returns the sum of the new values; with a recurrence over 3 steps first. */
  private static java.util.function.Supplier<List<Tensor>> addOne(Variable v, boolean recurrence) {
    return () -> {
      Ops ops = Backend.ops();
      Tensor next = ops.add(ops.read(v), ops.constant(1f));
      if (recurrence) {
        Tensor x = ops.constant(new float[] {1f, 2f, 3f}, Shape.of(1, 3, 1));
        io.keras4j.backend.RnnStep step = (in, states) -> {
          Tensor h = Backend.ops().add(states.get(0), in.get(0));
          return new io.keras4j.backend.RnnStep.Output(h, List.of(h));
        };
        Tensor h = ops.rnn(step, List.of(x), List.of(ops.constant(new float[] {0f}, Shape.of(1, 1))), null, false,
            false, false, false).lastOutput(); // 1 + 2 + 3
        next = ops.add(next, ops.subtract(ops.sum(h, new int[] {0, 1}, false), ops.constant(6f)));
      }
      ops.assign(v, next);
      return List.of(ops.sum(next, new int[] {0, 1}, false));
    };
  }

  @Test
  void functionsUpdatingTrainingSizedWeightsRunOnThePoolUnlessTheyHoldARecurrence() {
    int side = (int) Math.sqrt(TFComputeGraph.POOL_WEIGHTS);
    try (ComputeGraph g = Backend.newGraph()) {
      Variable big = new Variable("big", Shape.of(side, side), "float32", true, new float[side * side]);
      Variable bigToo = new Variable("big_too", Shape.of(side, side), "float32", true, new float[side * side]);
      Variable small = new Variable("small", Shape.of(2, 2), "float32", true, new float[4]);
      TracedFunction updatesBig = g.trace(addOne(big, false));
      TracedFunction recurrent = g.trace(addOne(bigToo, true));
      TracedFunction updatesSmall = g.trace(addOne(small, false));
      assertFalse(TFComputeGraph.runsInline(updatesBig), "updates " + side * side + " values: the pool");
      assertTrue(TFComputeGraph.runsInline(recurrent), "updates as many values, with a recurrence: inline");
      assertTrue(TFComputeGraph.runsInline(updatesSmall), "updates 4 values: inline");
      for (TracedFunction fn : List.of(updatesBig, recurrent, updatesBig)) {
        fn.call(List.of()).forEach(NativeArray::close);
      }
      assertEquals(2f, big.floatValue()[side * side - 1], 0f, "two runs on the pool, each adding 1");
      assertEquals(1f, bigToo.floatValue()[0], 0f, "one inline run adding 1");
      try (NativeArray sum = updatesSmall.call(List.of()).get(0)) {
        assertEquals(4f, sum.getFloat(0), 0f);
      }
    }
  }

  /**
   * A variable's update waits for every op of its own function that uses the value it overwrites (here a matmul the
   * gradient does not need, as a backward matmul needs a layer's kernel), so that TensorFlow can update the variable
   * in place rather than copy it; the ops of a function traced earlier, which share the variable's read, are left
   * out, and the step runs without that function's inputs.
   */
  @Test
  void anUpdateWaitsForTheUsesOfTheValueItOverwritesInItsOwnFunctionOnly() {
    Variable w = new Variable("w", Shape.of(2, 2), "float32", true, new float[] {1, 2, 3, 4});
    Tensor[] seen = new Tensor[4];
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction predict = g.trace(() -> {
        Ops ops = Backend.ops();
        seen[0] = ops.matmul(ops.placeholder("float32", Shape.of(1, 2)), ops.read(w));
        return List.of(seen[0]);
      });
      TracedFunction train = g.trace(() -> {
        Ops ops = Backend.ops();
        seen[1] = ops.matmul(ops.placeholder("float32", Shape.of(1, 2)), ops.read(w));
        Tensor grad = ops.gradients(ops.sum(seen[1], new int[] {0, 1}, false), List.of(ops.read(w))).get(0);
        seen[2] = ops.matmul(ops.read(w), ops.read(w));
        seen[3] = ops.matmul(ops.constant(new float[] {1, 1, 1, 1}, Shape.of(1, 4)), ops.reshape(ops.read(w), 4, 1));
        ops.sgdUpdate(w, ops.constant(LR), grad);
        return List.of(ops.sum(seen[2], new int[] {0, 1}, false));
      });
      Set<GraphOperation> waitsFor = update((TFComputeGraph) g).controlInputs();
      assertTrue(waitsFor.contains(op(seen[1])), "the forward matmul of the step");
      assertTrue(waitsFor.contains(op(seen[2])), "the matmul of w by itself");
      assertTrue(waitsFor.contains(op(seen[3])), "the matmul of w reshaped, whose Reshape passes w's buffer on");
      assertFalse(waitsFor.contains(op(seen[0])), "the matmul of the function traced before");
      try (NativeArray x = Backend.array(new float[] {1, 1}, Shape.of(1, 2))) {
        try (NativeArray square = train.call(List.of(x)).get(0)) {
          assertEquals(7 + 10 + 15 + 22, square.getFloat(0), 1e-5f,
              "the sum of [[1,2],[3,4]] squared, w before its update");
        }
        // d sum([1 1] w) / dw is all ones: w - 0.1 = [[0.9, 1.9], [2.9, 3.9]]
        try (NativeArray y = predict.call(List.of(x)).get(0)) {
          assertEquals(0.9f + 2.9f, y.getFloat(0), 1e-5f);
          assertEquals(1.9f + 3.9f, y.getFloat(1), 1e-5f);
        }
      }
    }
  }

  private static GraphOperation update(TFComputeGraph g) {
    for (var it = g.graph().operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("ResourceApplyGradientDescent")) {
        return op;
      }
    }
    throw new AssertionError("no ResourceApplyGradientDescent in the graph");
  }

  private static Operation op(Tensor t) {
    return ((TFTensor) t).operand().op();
  }

  @Test
  void anActionForAClosedGraphRunsAtOnce() {
    TFComputeGraph g = new TFComputeGraph();
    g.close();
    boolean[] ran = {false};
    g.onClose(() -> ran[0] = true);
    assertTrue(ran[0]);
  }
}
