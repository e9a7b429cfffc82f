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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled metrics: each of {@code compile}'s {@code metrics}, then each of its {@code weighted_metrics}, for
 * each output: all of them on a model of one output; on several, one entry per output (a list as long as the outputs,
 * whose entries are a metric, a list of them or null) or a map by output name, as Keras spreads them. The plain metrics are computed without sample weights, the weighted ones with the sample weights
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
  private final Object spec;
  private final Object weightedSpec;
  private List<Metric> metrics;
  private List<Integer> outputOf;
  private List<Boolean> weighted;
  private List<String> names;

  /**
   * The compiled metrics of {@code metrics} and {@code weighted_metrics}, each null, a List (flat or one entry per
   * output) or a Map by output name.
   */
  CompileMetrics(Object spec, Object weightedSpec) {
    this.spec = check(spec, "metrics");
    this.weightedSpec = check(weightedSpec, "weighted_metrics");
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object id : leaves(spec)) {
      seen.put(id, true);
    }
    for (Object id : leaves(weightedSpec)) {
      if (id instanceof Metric m && seen.containsKey(id)) {
        throw new IllegalArgumentException("Metric '" + m.name() + "' is given both in metrics and in "
            + "weighted_metrics; expected one Metric object in one of them. Received: the same object in both");
      }
    }
  }

  private static Object check(Object spec, String argument) {
    if (spec != null && !(spec instanceof List<?>) && !(spec instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Expected `" + argument + "` argument to be a list or dict. Received "
          + "instead: " + argument + "=" + spec + " of type " + spec.getClass().getSimpleName());
    }
    return spec;
  }

  /** Whether any metric or weighted metric was compiled (Keras then tracks them as "compile_metrics"). */
  boolean any() {
    return !leaves(spec).isEmpty() || !leaves(weightedSpec).isEmpty();
  }

  /** Every metric given, in order: the entries of the lists and of the map's values. */
  private static List<Object> leaves(Object spec) {
    List<Object> out = new ArrayList<>();
    if (spec instanceof Map<?, ?> m) {
      m.values().forEach(v -> out.addAll(leaves(v)));
    } else if (spec instanceof List<?> l) {
      l.forEach(v -> out.addAll(leaves(v)));
    } else if (spec != null) {
      out.add(spec);
    }
    return out;
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
    List<String> outputNames = new ArrayList<>();
    for (KerasTensor t : outputs) {
      outputNames.add(((Layer) t.layer()).name());
    }
    Map<String, Integer> counters = new HashMap<>();
    add(perOutput(spec, outputNames, "metrics"), false, outputs, yShapes, counters);
    add(perOutput(weightedSpec, outputNames, "weighted_metrics"), true, outputs, yShapes, counters);
  }

  /**
   * The metrics of each output, as Keras' {@code _build_metrics_set} spreads them: on one output, all of them; on
   * several, a list as long as the outputs gives one entry per output, a map gives each named output its entry;
   * porting note: a flat list of another length gives every output all of it (Keras refuses it).
   */
  static List<List<Object>> perOutput(Object spec, List<String> outputNames, String argument) {
    int n = outputNames.size();
    List<List<Object>> out = new ArrayList<>();
    if (n == 1) {
      out.add(leaves(spec));
      return out;
    }
    if (spec instanceof Map<?, ?> m) {
      for (Object key : m.keySet()) {
        if (!outputNames.contains(key)) {
          throw new IllegalArgumentException("Invalid `" + argument + "`: a dict of metrics needs keys among the "
              + "output names of the model " + outputNames + ". Received: " + argument + "=" + spec);
        }
      }
      for (String name : outputNames) {
        out.add(leaves(m.get(name)));
      }
      return out;
    }
    List<?> list = spec == null ? List.of() : (List<?>) spec;
    if (list.size() == n) {
      for (Object entry : list) {
        out.add(leaves(entry));
      }
      return out;
    }
    for (Object entry : list) {
      if (entry instanceof List<?> || entry instanceof Map<?, ?>) {
        throw new IllegalArgumentException("Invalid `" + argument + "`: expected one entry per output of the model "
            + outputNames + " or a dict by output name. Received: " + argument + "=" + spec);
      }
      if (entry instanceof Metric metric && !list.isEmpty()) {
        throw new IllegalArgumentException("A Metric object can serve one output only; pass metric names, or one "
            + "list per output, for multi-output models. Received: " + metric.name() + " for " + n + " outputs");
      }
    }
    for (int o = 0; o < n; o++) {
      out.add(leaves(list));
    }
    return out;
  }

  private void add(List<List<Object>> specs, boolean isWeighted, List<KerasTensor> outputs, List<Shape> yShapes,
      Map<String, Integer> counters) {
    Map<Object, Boolean> used = new IdentityHashMap<>();
    for (int o = 0; o < outputs.size(); o++) {
      String prefix = outputs.size() > 1 ? ((Layer) outputs.get(o).layer()).name() + "_" : "";
      for (Object id : specs.get(o)) {
        if (id instanceof Metric metric && used.put(id, true) != null) {
          throw new IllegalArgumentException("A Metric object can serve one output only; expected a new Metric for "
              + "each output. Received: " + metric.name() + " twice");
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

  /** The metrics made by {@link #build}, in the order of {@link #names()}; empty before. */
  List<Metric> metrics() {
    return metrics == null ? List.of() : List.copyOf(metrics);
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

  /**
   * Writes {@code metrics} and {@code weighted_metrics} of Keras' compile_config as they were given: a list, a list
   * per output (null entries stay null) or a dict by output name; null when none.
   */
  void addConfig(Map<String, Object> config) {
    config.put("metrics", serializeSpec(spec));
    config.put("weighted_metrics", serializeSpec(weightedSpec));
  }

  private static Object serializeSpec(Object spec) {
    if (spec instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return null;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, serialize(v)));
      return out;
    }
    Object out = serialize(spec);
    return out instanceof List<?> l && l.isEmpty() ? null : out;
  }

  private static Object serialize(Object spec) {
    if (spec instanceof List<?> l) {
      List<Object> ms = new ArrayList<>();
      for (Object m : l) {
        ms.add(serialize(m));
      }
      return ms;
    }
    return spec == null || spec instanceof String ? spec : KerasObjects.serialize(spec);
  }
}
