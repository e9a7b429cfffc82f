package io.keras4j.saving.formats;

import io.keras4j.losses.Losses;
import io.keras4j.metrics.Metrics;
import io.keras4j.models.CompileOptions;
import io.keras4j.optimizers.Optimizers;
import java.util.ArrayList;
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
    o.metrics(metrics(c, "metrics"));
    o.weightedMetrics(metrics(c, "weighted_metrics"));
    if (c.get("steps_per_execution") instanceof Number n) {
      o.stepsPerExecution(n.intValue());
    }
    return o;
  }

  /** Metric names stay names; a serialized metric becomes the Metric its class reads; null gives none. */
  private static Object[] metrics(Map<String, Object> c, String key) {
    Object spec = c.get(key);
    List<Object> metrics = new ArrayList<>();
    if (spec instanceof List<?> ms) {
      for (Object m : ms) {
        metrics.add(m instanceof Map<?, ?> ? Metrics.get(m) : m);
      }
    } else if (spec != null) {
      throw new IllegalArgumentException("compile_config: " + key + " by output name are not supported; expected a "
          + "list. Received: " + key + "=" + spec);
    }
    return metrics.toArray();
  }

  /** A loss name stays a name; a serialized loss becomes the Loss its class reads. */
  private static Object loss(Object spec) {
    return spec instanceof Map<?, ?> ? Losses.get(spec) : spec;
  }
}
