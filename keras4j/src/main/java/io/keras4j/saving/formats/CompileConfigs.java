package io.keras4j.saving.formats;

import io.keras4j.losses.Losses;
import io.keras4j.metrics.Metrics;
import io.keras4j.models.CompileOptions;
import io.keras4j.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds compile options from Keras' {@code compile_config}: optimizer, loss(es), loss weights,
 * metrics and weighted metrics.
 *
 * <p>Keras equivalent: {@code model.compile_from_config(config)}. Each serialized object is read by its own
 * class' {@code fromConfig} through its family's registry ({@code Optimizers}, {@code Losses}, {@code Metrics}),
 * so every keyword argument survives; names such as "mse" or "accuracy" stay names, resolved by compile as
 * Keras does.
 */
public final class CompileConfigs {
  private CompileConfigs() {}

  /** The compile options of a saved {@code compile_config}. */
  public static CompileOptions fromConfig(Map<String, Object> c) {
    Object optimizer = c.get("optimizer");
    CompileOptions o = new CompileOptions().optimizer(Optimizers.get(optimizer == null ? "rmsprop" : optimizer));
    Object loss = c.get("loss");
    if (loss instanceof List<?> l) {
      o.loss(l.stream().map(CompileConfigs::loss).toArray());
    } else if (loss != null) {
      o.loss(loss(loss));
    }
    if (c.get("loss_weights") instanceof List<?> w) {
      o.lossWeights(w.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
    } else if (c.get("loss_weights") != null) {
      throw new IllegalArgumentException("compile_config: loss_weights by output name are not supported; expected "
          + "a list in output order. Received: loss_weights=" + c.get("loss_weights"));
    }
    if (c.get("metrics") instanceof Map<?, ?> m) {
      o.metrics(byName(m));
    } else if (perOutput(metrics(c, "metrics"))) {
      o.metrics(perOutputList(metrics(c, "metrics")));
    } else {
      o.metrics(metrics(c, "metrics"));
    }
    if (c.get("weighted_metrics") instanceof Map<?, ?> m) {
      o.weightedMetrics(byName(m));
    } else if (perOutput(metrics(c, "weighted_metrics"))) {
      o.weightedMetrics(perOutputList(metrics(c, "weighted_metrics")));
    } else {
      o.weightedMetrics(metrics(c, "weighted_metrics"));
    }
    if (c.get("steps_per_execution") instanceof Number n) {
      o.stepsPerExecution(n.intValue());
    }
    return o;
  }

  /**
   * Metric names stay names; a serialized metric becomes the Metric its class reads; null gives none. The entries
   * of a list may be lists (one per output, null for none), as Keras writes {@code metrics=[["mae"], None]}.
   */
  private static Object[] metrics(Map<String, Object> c, String key) {
    Object spec = c.get(key);
    if (spec == null) {
      return new Object[0];
    }
    if (!(spec instanceof List<?> ms)) {
      throw new IllegalArgumentException("compile_config: expected " + key + " to be a list or a dict by output "
          + "name. Received: " + key + "=" + spec);
    }
    List<Object> metrics = new ArrayList<>();
    for (Object m : ms) {
      metrics.add(metric(m));
    }
    return metrics.toArray();
  }

  /** Whether every entry is a list or null: one list of metrics per output. */
  private static boolean perOutput(Object[] metrics) {
    return metrics.length > 0 && Arrays.stream(metrics).allMatch(m -> m == null || m instanceof List<?>);
  }

  private static List<List<?>> perOutputList(Object[] metrics) {
    return Arrays.stream(metrics).map(m -> (List<?>) m).collect(java.util.stream.Collectors.toList());
  }

  /** Keras' {@code metrics={"out_a": "mae", "out_b": ["accuracy"]}}: each output name's metric or metrics. */
  private static Map<String, Object> byName(Map<?, ?> spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    spec.forEach((name, m) -> out.put(String.valueOf(name), metric(m)));
    return out;
  }

  private static Object metric(Object spec) {
    if (spec instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(m -> out.add(metric(m)));
      return out;
    }
    return spec instanceof Map<?, ?> ? Metrics.get(spec) : spec;
  }

  /** A loss name stays a name; a serialized loss becomes the Loss its class reads. */
  private static Object loss(Object spec) {
    return spec instanceof Map<?, ?> ? Losses.get(spec) : spec;
  }
}
