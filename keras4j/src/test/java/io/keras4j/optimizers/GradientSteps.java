package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.List;

/** Test helper: feeds chosen gradients to {@link Optimizer#applyGradients} for one variable, step by step. */
final class GradientSteps implements AutoCloseable {
  final Variable w;
  private final ComputeGraph graph = Backend.newGraph();
  private final TracedFunction step;

  GradientSteps(Optimizer opt, Shape shape, float... initial) {
    w = new Variable("w", shape, "float32", true, initial);
    step = graph.trace(() -> {
      Ops ops = Backend.ops();
      Tensor g = ops.placeholder("float32", shape);
      opt.applyGradients(List.of(g), List.of(w));
      return List.of();
    });
  }

  /** Applies {@code grad}; returns w afterwards. */
  float[] step(float... grad) {
    try (NativeArray feed = Backend.array(grad, w.shape())) {
      step.call(List.of(feed), new int[0]).forEach(NativeArray::close);
    }
    return w.floatValue();
  }

  @Override
  public void close() {
    graph.close();
  }

  static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** A linear regression fitted by {@code opt} for five epochs; asserts the loss went down; returns the losses. */
  static List<Double> fitLossDecreases(Optimizer opt) {
    return fitLossDecreases(opt, m -> { });
  }

  /** {@link #fitLossDecreases(Optimizer)}, then {@code after} sees the trained model before it is closed. */
  static List<Double> fitLossDecreases(Optimizer opt, java.util.function.Consumer<Model> after) {
    Backend.setRandomSeed(7);
    float[][] x = new float[32][3];
    float[] y = new float[32];
    for (int i = 0; i < 32; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = (float) Math.sin(i * 1.3 + j * 0.7);
      }
      y[i] = 2 * x[i][0] - x[i][1] + 0.5f * x[i][2] + 0.3f;
    }
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(3));
    m.compile(new CompileOptions().optimizer(opt).loss("mse"));
    try {
      History h = m.fit(x, y, new FitOptions().epochs(5).batchSize(8).shuffle(false).verbose(0));
      List<Double> loss = new ArrayList<>(h.get("loss"));
      assertTrue(loss.get(4) < loss.get(0), opt.getClass().getSimpleName() + " did not lower the loss: " + loss);
      after.accept(m);
      return loss;
    } finally {
      m.close();
    }
  }
}
