package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.UnrolledLoop;
import io.keras4j.backend.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ops.repeat as one While loop: gradient steps inside it match plain Java, and its graph does not grow with k. */
class TFStepLoopTest {
  private static final float LR = 0.1f;

  /** The loss of step i: (w x_i - 1)^2; the step subtracts LR times its gradient and counts itself. */
  private static List<Tensor> step(Tensor x, Tensor i, Variable w, Variable count) {
    Ops o = Backend.ops();
    Tensor xi = o.take(x, i, 0);
    Tensor err = o.subtract(o.multiply(o.read(w), xi), o.constant(1f));
    Tensor loss = o.square(err);
    Tensor grad = o.gradients(loss, List.of(o.read(w))).get(0);
    o.assign(w, o.subtract(o.read(w), o.multiply(grad, LR)));
    o.assign(count, o.add(o.read(count), o.constant(1f)));
    return List.of(loss, o.afterUpdates(() -> o.read(w)));
  }

  private static TracedFunction trace(ComputeGraph g, int k, boolean loop, Variable w, Variable count) {
    return g.trace(() -> {
      Ops ops = Backend.ops();
      Tensor x = ops.placeholder("float32", Shape.of(k));
      return loop ? ops.repeat(k, i -> step(x, i, w, count))
          : UnrolledLoop.run(ops, k, i -> step(x, i, w, count));
    });
  }

  @Test
  void gradientStepsInsideTheLoopMatchPlainJava() {
    int k = 7;
    float[] x = {0.5f, -1f, 2f, 0.25f, 1.5f, -0.75f, 1f};
    Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {0.3f});
    Variable count = new Variable("count", Shape.scalar(), "float32", false, new float[] {0});
    // by hand: loss_i = (w x_i - 1)^2, w <- w - LR * 2 (w x_i - 1) x_i, twice over (two calls)
    double ew = 0.3;
    double lastLoss = 0;
    for (int call = 0; call < 2; call++) {
      for (float xi : x) {
        double err = ew * xi - 1;
        lastLoss = err * err;
        ew -= LR * 2 * err * xi;
      }
    }
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = trace(g, k, true, w, count);
      List<NativeArray> out = null;
      for (int call = 0; call < 2; call++) {
        try (NativeArray feed = Backend.array(x, Shape.of(k))) {
          out = fn.call(List.of(feed));
        }
        if (call == 0) {
          out.forEach(NativeArray::close);
        }
      }
      assertEquals(lastLoss, out.get(0).getFloat(0), 1e-5, "the last step's loss");
      assertEquals(ew, out.get(1).getFloat(0), 1e-5, "w after the last step, returned");
      out.forEach(NativeArray::close);
    }
    assertEquals(ew, w.floatValue()[0], 1e-5, "w read home");
    assertEquals(2 * k, count.floatValue()[0], 0, "steps counted");
  }

  private static int opsOfGraph(int k, boolean loop) {
    Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {0.3f});
    Variable count = new Variable("count", Shape.scalar(), "float32", false, new float[] {0});
    try (ComputeGraph g = Backend.newGraph()) {
      trace(g, k, loop, w, count);
      return TFRnnTest.opCount(g);
    }
  }

  @Test
  void theLoopsGraphIsTheSameForTwoAndThirtyTwoSteps() {
    int two = opsOfGraph(2, true);
    assertEquals(two, opsOfGraph(32, true), "ops in the graph of 2 and of 32 steps");
    int unrolled = opsOfGraph(32, false);
    assertTrue(unrolled > 10 * two, "32 unrolled copies: " + unrolled + " ops, the loop: " + two);
  }

  @Test
  void oneLoopRunsTheFedNumberOfSteps() {
    float[] x = {0.5f, -1f, 2f, 0.25f, 1.5f};
    Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {0.3f});
    Variable count = new Variable("count", Shape.scalar(), "float32", false, new float[] {0});
    int[] counts = {3, 5, 1};
    // by hand: each call runs steps 0..n-1 of x
    double ew = 0.3;
    double lastLoss = 0;
    for (int n : counts) {
      for (int i = 0; i < n; i++) {
        double err = ew * x[i] - 1;
        lastLoss = err * err;
        ew -= LR * 2 * err * x[i];
      }
    }
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor xs = ops.placeholder("float32", Shape.of(x.length));
        Tensor n = ops.placeholder("int32", Shape.scalar());
        return ops.repeat(n, i -> step(xs, i, w, count));
      });
      List<NativeArray> out = List.of();
      for (int n : counts) {
        out.forEach(NativeArray::close);
        try (NativeArray feed = Backend.array(x, Shape.of(x.length));
            NativeArray steps = Backend.array(new int[] {n}, Shape.scalar())) {
          out = fn.call(List.of(feed, steps));
        }
      }
      assertEquals(lastLoss, out.get(0).getFloat(0), 1e-5, "the last step's loss");
      assertEquals(ew, out.get(1).getFloat(0), 1e-5, "w after the last step, returned");
      out.forEach(NativeArray::close);
    }
    assertEquals(ew, w.floatValue()[0], 1e-5, "w read home");
    assertEquals(9, count.floatValue()[0], 0, "steps counted: 3 + 5 + 1");
  }
}
