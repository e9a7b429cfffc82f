package io.keras4j;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Test helper: evaluates graph functions of float inputs in a fresh graph. */
public final class GraphFixture {
  private GraphFixture() {}

  /** {@code fn} applied to constant-fed inputs; each output flattened. */
  public static List<float[]> eval(List<float[]> values, List<Shape> shapes, Function<List<Tensor>, List<Tensor>> fn) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        List<Tensor> in = new ArrayList<>();
        for (Shape s : shapes) {
          in.add(ops.placeholder("float32", s));
        }
        return fn.apply(in);
      });
      List<NativeArray> feeds = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        feeds.add(Backend.array(values.get(i), shapes.get(i)));
      }
      List<float[]> out = new ArrayList<>();
      for (NativeArray a : f.call(feeds)) {
        out.add(a.toFloatArray());
        a.close();
      }
      feeds.forEach(NativeArray::close);
      return out;
    }
  }

  /** {@code fn} of one input. */
  public static float[] eval1(float[] x, Shape shape, java.util.function.UnaryOperator<Tensor> fn) {
    return eval(List.of(x), List.of(shape), in -> List.of(fn.apply(in.get(0)))).get(0);
  }

  /**
   * Checks d(sum(fn(x) * w))/dx from the graph against central finite differences in float64 around float32
   * values; returns the largest absolute difference. One graph is traced and fed each perturbed input.
   */
  public static double gradientError(float[] x, Shape shape, java.util.function.UnaryOperator<Tensor> fn, double h) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor in = ops.placeholder("float32", shape);
        Tensor y = fn.apply(in);
        Tensor loss = ops.sum(ops.multiply(y, weights(ops, y)), null, false);
        return List.of(loss, ops.gradients(loss, List.of(in)).get(0));
      });
      float[] analytic = run(f, x, shape, 1);
      double worst = 0;
      for (int i = 0; i < x.length; i++) {
        float[] plus = x.clone();
        float[] minus = x.clone();
        plus[i] += (float) h;
        minus[i] -= (float) h;
        double numeric = (run(f, plus, shape, 0)[0] - run(f, minus, shape, 0)[0]) / (plus[i] - minus[i]);
        worst = Math.max(worst, Math.abs(numeric - analytic[i]));
      }
      return worst;
    }
  }

  private static float[] run(TracedFunction f, float[] x, Shape shape, int output) {
    try (NativeArray in = Backend.array(x, shape)) {
      List<NativeArray> out = f.call(List.of(in), output);
      float[] v = out.get(0).toFloatArray();
      out.forEach(NativeArray::close);
      return v;
    }
  }

  private static Tensor weights(Ops ops, Tensor y) {
    // fixed, distinct weights so every output element counts differently
    if (y.rank() == 0) {
      return ops.constant(1.3f);
    }
    int n = (int) Math.max(1, y.shape().withoutBatch().size());
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5f + 0.37f * (i % 7) - 0.11f * (i % 3);
    }
    return ops.constant(w, y.shape().withoutBatch());
  }

  /** {@code n} sequences of {@code steps} steps of {@code features} standard normal values drawn from {@code seed}. */
  public static float[][][] gaussianSequences(int n, int steps, int features, long seed) {
    java.util.Random r = new java.util.Random(seed);
    float[][][] x = new float[n][steps][features];
    for (float[][] s : x) {
      for (float[] step : s) {
        for (int f = 0; f < features; f++) {
          step[f] = (float) r.nextGaussian();
        }
      }
    }
    return x;
  }
}
