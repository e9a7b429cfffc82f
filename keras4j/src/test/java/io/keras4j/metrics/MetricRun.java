package io.keras4j.metrics;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a metric in a fresh graph: batches of (y_true, y_pred[, sample_weight]) of fixed shapes fed to
 * {@code updateState} in turn, optionally a {@code resetState} between them, then {@code result()}.
 * <pre>{@code float[] r = new MetricRun(new Poisson(), Shape.of(2, 2)).batch(t, p).result();}</pre>
 */
final class MetricRun {
  private final Metric metric;
  private final Shape trueShape;
  private final Shape predShape;
  private Shape weightShape;
  private final List<float[][]> steps = new ArrayList<>(); // {t, p, w} per batch, null for a reset

  /** A run of {@code metric} on y_true and y_pred both of {@code shape}. */
  MetricRun(Metric metric, Shape shape) {
    this(metric, shape, shape);
  }

  MetricRun(Metric metric, Shape trueShape, Shape predShape) {
    this.metric = metric;
    this.trueShape = trueShape;
    this.predShape = predShape;
  }

  /** Every batch carries sample weights of {@code shape}. */
  MetricRun weights(Shape shape) {
    this.weightShape = shape;
    return this;
  }

  MetricRun batch(float[] yTrue, float[] yPred) {
    return batch(yTrue, yPred, null);
  }

  MetricRun batch(float[] yTrue, float[] yPred, float[] sampleWeight) {
    steps.add(new float[][] {yTrue, yPred, sampleWeight});
    return this;
  }

  /** Resets the state before the following batches. */
  MetricRun reset() {
    steps.add(null);
    return this;
  }

  /** The result after the steps. */
  float[] result() {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction update = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor t = ops.placeholder("float32", trueShape);
        Tensor p = ops.placeholder("float32", predShape);
        Tensor w = weightShape == null ? null : ops.placeholder("float32", weightShape);
        metric.updateState(t, p, w);
        return List.of();
      });
      TracedFunction result = g.trace(() -> List.of(metric.result()));
      for (float[][] s : steps) {
        if (s == null) {
          metric.resetState();
          continue;
        }
        List<NativeArray> feeds = new ArrayList<>();
        feeds.add(Backend.array(s[0], trueShape));
        feeds.add(Backend.array(s[1], predShape));
        if (weightShape != null) {
          feeds.add(Backend.array(s[2], weightShape));
        }
        update.call(feeds);
        feeds.forEach(NativeArray::close);
      }
      try (NativeArray r = result.call(List.of()).get(0)) {
        return r.toFloatArray();
      }
    }
  }

  /** The weighted mean {@code sum(w v) / sum(w)}; {@code w} null for weights of 1. */
  static double weightedMean(double[] v, double[] w) {
    double s = 0;
    double n = 0;
    for (int i = 0; i < v.length; i++) {
      double wi = w == null ? 1 : w[i];
      s += wi * v[i];
      n += wi;
    }
    return s / n;
  }
}
