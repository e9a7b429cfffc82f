package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradients of a scalar with respect to inputs and variables, checked against finite differences and calculus. */
class GradientTapeTest {
  /** f(x) = sum(dense2(tanh(dense1(x)))^2) and df/dx, traced once; the value and the gradient for one input. */
  @Test
  void gradientWithRespectToInputsMatchesCentralDifferences() {
    Backend.setRandomSeed(11);
    Dense d1 = new Dense(5).activation("tanh");
    Dense d2 = new Dense(2);
    Shape shape = Shape.of(2, 3);
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor x = ops.placeholder("float32", shape);
        GradientTape tape = new GradientTape().watch(x);
        Tensor f = ops.sum(ops.square(d2.apply(d1.apply(x, false), false)), null, false);
        return List.of(f, tape.gradient(f, x));
      });
      float[] x = {0.3f, -1.2f, 0.7f, 1.5f, 0.1f, -0.4f};
      float[] grad = run(fn, x).get(1);
      double h = 1e-2;
      for (int i = 0; i < x.length; i++) {
        float[] plus = x.clone();
        float[] minus = x.clone();
        plus[i] += (float) h;
        minus[i] -= (float) h;
        double numeric = (run(fn, plus).get(0)[0] - run(fn, minus).get(0)[0]) / (2 * h);
        assertEquals(numeric, grad[i], 2e-3 * Math.max(1, Math.abs(numeric)), "df/dx[" + i + "]");
      }
    }
  }

  private static List<float[]> run(TracedFunction fn, float[] x) {
    List<float[]> out = new ArrayList<>();
    try (NativeArray in = Backend.array(x, Shape.of(2, 3))) {
      for (NativeArray r : fn.call(List.of(in))) {
        try (r) {
          out.add(r.toFloatArray());
        }
      }
    }
    return out;
  }

  /** d/dw sum((w x)^2) = 2 w sum(x^2), a variable and a tensor in one call; an unconnected source gets null. */
  @Test
  void gradientWithRespectToVariablesAndTensorsTogether() {
    Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {1.5f});
    Variable unused = new Variable("unused", Shape.scalar(), "float32", true, new float[] {2f});
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor x = ops.constant(new float[] {1, 2, 3}, Shape.of(3));
        Tensor f = ops.sum(ops.square(ops.multiply(ops.read(w), x)), null, false);
        List<Tensor> grads = new GradientTape().gradient(f, List.of(w, x, unused));
        assertNull(grads.get(2), "unconnected: null, as tape.gradient's default");
        return grads.subList(0, 2);
      });
      List<NativeArray> r = fn.call(List.of());
      assertEquals(2 * 1.5 * 14, r.get(0).getFloat(0), 1e-4); // 2 w sum(x^2)
      for (int i = 0; i < 3; i++) {
        assertEquals(2 * 1.5 * 1.5 * (i + 1), r.get(1).getFloat(i), 1e-4); // 2 w^2 x
      }
      r.forEach(NativeArray::close);
    }
  }

  @Test
  void refusesNonScalarTargetsAndUnknownSources() {
    try (ComputeGraph g = Backend.newGraph()) {
      g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor x = ops.constant(new float[] {1, 2}, Shape.of(2));
        var e = assertThrows(IllegalArgumentException.class, () -> new GradientTape().gradient(x, x));
        assertTrue(e.getMessage().contains("scalar target") && e.getMessage().contains("(2,)"), e.getMessage());
        var s = assertThrows(IllegalArgumentException.class,
            () -> new GradientTape().gradient(ops.sum(x, null, false), List.of("x")));
        assertTrue(s.getMessage().contains("Received: String"), s.getMessage());
        return List.of();
      });
    }
  }
}
