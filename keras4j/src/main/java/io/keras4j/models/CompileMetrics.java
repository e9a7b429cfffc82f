package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.Layer;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import io.keras4j.saving.KerasObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled metrics: each of {@code compile}'s {@code metrics}, then each of its {@code weighted_metrics}, for
 * every output. The plain metrics are computed without sample weights, the weighted ones with the sample weights
 * (which include the class weights), as Keras computes them.
 *
 * <p>Names in the logs follow Keras: the metric's name ({@code "accuracy"}) or, on a model of several outputs, the
 * output layer's and the metric's ({@code "dense_1_accuracy"}); a second plain metric of the same name gets
 * {@code "_1"}, {@code "_2"}...; a weighted metric whose name is taken gets {@code "weighted_"} before the metric's
 * name ({@code "weighted_accuracy"}, {@code "dense_1_weighted_accuracy"}).
 *
 * <p>Keras equivalent: {@code keras.src.trainers.compile_utils.CompileMetrics(metrics, weighted_metrics)}
 * ({@code update_state}, {@code result}). Its metrics are made at the first trace, when the shapes of the targets
 * and outputs are known ({@code build}).
 */
final class CompileMetrics {
  private final List<Object> ids;
  private final List<Object> weightedIds;
  private List<Metric> metrics;
  private List<Integer> outputOf;
  private List<Boolean> weighted;
  private List<String> names;

  CompileMetrics(List<Object> ids, List<Object> weightedIds) {
    this.ids = List.copyOf(ids);
    this.weightedIds = List.copyOf(weightedIds);
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object id : ids) {
      seen.put(id, true);
    }
    for (Object id : weightedIds) {
      if (id instanceof Metric m && seen.containsKey(id)) {
        throw new IllegalArgumentException("Metric '" + m.name() + "' is given both in metrics and in "
            + "weighted_metrics; expected one Metric object in one of them. Received: the same object in both");
      }
    }
  }

  /** Makes the metrics for the targets' and the model's output shapes, once (Keras' {@code build}). */
  void build(List<KerasTensor> outputs, List<Shape> yShapes) {
    if (metrics != null) {
      return;
    }
    metrics = new ArrayList<>();
    outputOf = new ArrayList<>();
    weighted = new ArrayList<>();
    names = new ArrayList<>();
    Map<String, Integer> counters = new HashMap<>();
    add(ids, false, outputs, yShapes, counters);
    add(weightedIds, true, outputs, yShapes, counters);
  }

  private void add(List<Object> specs, boolean isWeighted, List<KerasTensor> outputs, List<Shape> yShapes,
      Map<String, Integer> counters) {
    for (int o = 0; o < outputs.size(); o++) {
      String prefix = outputs.size() > 1 ? ((Layer) outputs.get(o).layer()).name() + "_" : "";
      for (Object id : specs) {
        if (outputs.size() > 1 && id instanceof Metric && o > 0) {
          throw new IllegalArgumentException("A Metric object can serve one output only; pass metric names for "
              + "multi-output models. Received: " + ((Metric) id).name() + " for " + outputs.size() + " outputs");
        }
        Metric m = Metrics.get(id, yShapes.get(o), outputs.get(o).shape());
        metrics.add(m);
        outputOf.add(o);
        weighted.add(isWeighted);
        names.add(uniqueName(prefix, m.name(), isWeighted, counters));
      }
    }
  }

  /** The name in the logs, unique as Keras' {@code CompileMetrics.result} makes it. */
  private static String uniqueName(String prefix, String metric, boolean isWeighted, Map<String, Integer> counters) {
    String name = prefix + metric;
    if (!counters.containsKey(name)) {
      counters.put(name, 1);
      return name;
    }
    if (!isWeighted) {
      int index = counters.merge(name, 1, Integer::sum) - 1;
      return name + "_" + index;
    }
    name = prefix + "weighted_" + metric;
    if (!counters.containsKey(name)) {
      counters.put(name, 1);
      return name;
    }
    int index = counters.merge(name, 1, Integer::sum) - 1;
    return name + "_" + index;
  }

  /**
   * The state updates of every metric for one batch (Keras' {@code update_state}): the plain metrics without
   * {@code sampleWeight}, the weighted ones with it.
   */
  List<Tensor> updateState(List<Tensor> ys, List<Tensor> outs, Tensor sampleWeight) {
    List<Tensor> updates = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      int o = outputOf.get(i);
      updates.addAll(metrics.get(i).updateState(ys.get(o), outs.get(o), weighted.get(i) ? sampleWeight : null));
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

  /** The names of the metrics in the logs: the plain metrics', then the weighted ones'. */
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

  /** Writes {@code metrics} and {@code weighted_metrics} of Keras' compile_config (null when none). */
  void addConfig(Map<String, Object> config) {
    config.put("metrics", serialize(ids));
    config.put("weighted_metrics", serialize(weightedIds));
  }

  private static List<Object> serialize(List<Object> specs) {
    List<Object> ms = new ArrayList<>();
    for (Object m : specs) {
      ms.add(m instanceof String ? m : KerasObjects.serialize(m));
    }
    return ms.isEmpty() ? null : ms;
  }
}
