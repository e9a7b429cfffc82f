package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.Layer;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import io.keras4j.saving.KerasObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled metrics: each of {@code compile}'s metrics for every output, named in the logs after the metric
 * ({@code "accuracy"}) or, on a model of several outputs, after the output layer and the metric
 * ({@code "dense_1_accuracy"}).
 *
 * <p>Keras equivalent: {@code keras.src.trainers.compile_utils.CompileMetrics(metrics, weighted_metrics)}. Its
 * metrics are made at the first trace, when the shapes of the targets and outputs are known ({@code build}).
 */
final class CompileMetrics {
  private final List<Object> ids;
  private List<Metric> metrics;
  private List<String> names;

  CompileMetrics(List<Object> ids) {
    this.ids = List.copyOf(ids);
  }

  /** Makes the metrics for the targets' and the model's output shapes, once (Keras' {@code build}). */
  void build(List<KerasTensor> outputs, List<Shape> yShapes) {
    if (metrics != null) {
      return;
    }
    metrics = new ArrayList<>();
    names = new ArrayList<>();
    for (int o = 0; o < outputs.size(); o++) {
      for (Object id : ids) {
        if (outputs.size() > 1 && id instanceof Metric && o > 0) {
          throw new IllegalArgumentException("A Metric object can serve one output only; pass metric names for "
              + "multi-output models");
        }
        Metric m = Metrics.get(id, yShapes.get(o), outputs.get(o).shape());
        metrics.add(m);
        String output = ((Layer) outputs.get(o).layer()).name();
        names.add(outputs.size() > 1 ? output + "_" + m.name() : m.name());
      }
    }
  }

  /** The state updates of every metric for one batch (Keras' {@code update_state}). */
  List<Tensor> updateState(List<Tensor> ys, List<Tensor> outs, Tensor sampleWeight) {
    List<Tensor> updates = new ArrayList<>();
    int per = ids.size();
    for (int i = 0; i < metrics.size(); i++) {
      int o = per == 0 ? 0 : i / per;
      updates.addAll(metrics.get(i).updateState(ys.get(o), outs.get(o), sampleWeight));
    }
    return updates;
  }

  /** Each metric's result, in the order of {@link #names()}. */
  List<Tensor> result() {
    List<Tensor> r = new ArrayList<>();
    for (Metric m : metrics) {
      r.add(m.result());
    }
    return r;
  }

  /** The names of the metrics in the logs. */
  List<String> names() {
    return names;
  }

  void resetState() {
    if (metrics != null) {
      for (Metric m : metrics) {
        m.resetState();
      }
    }
  }

  /** Writes {@code metrics} and {@code weighted_metrics} of Keras' compile_config. */
  void addConfig(Map<String, Object> config) {
    List<Object> ms = new ArrayList<>();
    for (Object m : ids) {
      ms.add(m instanceof String ? m : KerasObjects.serialize(m));
    }
    config.put("metrics", ms.isEmpty() ? null : ms);
    config.put("weighted_metrics", null);
  }
}
