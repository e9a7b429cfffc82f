package io.keras4j.tuner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics a trial reported, per step (epoch), each with its direction; the best value of a step is the mean of
 * its observations (several executions).
 *
 * <p>Keras equivalent: {@code keras_tuner.engine.metrics_tracking.MetricsTracker} with its {@code MetricHistory}.
 */
public final class MetricsTracker {
  private final Map<String, String> directions = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, List<Double>>> observations = new LinkedHashMap<>();

  /** Whether {@code name} is tracked. */
  public boolean exists(String name) {
    return directions.containsKey(name);
  }

  /** Starts tracking {@code name}; {@code direction} null means "min", as KerasTuner's default. */
  public void register(String name, String direction) {
    if (exists(name)) {
      throw new IllegalArgumentException("Metric already exists: " + name);
    }
    directions.put(name, direction == null ? "min" : direction);
    observations.put(name, new TreeMap<>());
  }

  /** Records {@code value} of {@code name} at {@code step}, registering the metric if needed. */
  public void update(String name, double value, int step) {
    if (!exists(name)) {
      register(name, null);
    }
    observations.get(name).computeIfAbsent(step, s -> new ArrayList<>()).add(value);
  }

  /** The best step mean of {@code name}, NaNs ignored; null when nothing was recorded. */
  public Double getBestValue(String name) {
    Map.Entry<Integer, Double> best = best(name);
    return best == null ? null : best.getValue();
  }

  /** The step of {@link #getBestValue}, or null. */
  public Integer getBestStep(String name) {
    Map.Entry<Integer, Double> best = best(name);
    return best == null ? null : best.getKey();
  }

  private Map.Entry<Integer, Double> best(String name) {
    assertExists(name);
    boolean max = directions.get(name).equals("max");
    Map.Entry<Integer, Double> best = null;
    for (Map.Entry<Integer, List<Double>> e : observations.get(name).entrySet()) {
      double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      if (Double.isNaN(mean)) {
        continue;
      }
      if (best == null || (max ? mean > best.getValue() : mean < best.getValue())) {
        best = Map.entry(e.getKey(), mean);
      }
    }
    return best;
  }

  /** The mean at the last step, or null. */
  public Double getLastValue(String name) {
    assertExists(name);
    TreeMap<Integer, List<Double>> h = observations.get(name);
    return h.isEmpty() ? null : h.lastEntry().getValue().stream().mapToDouble(Double::doubleValue).average()
        .orElse(Double.NaN);
  }

  /** "min" or "max". */
  public String getDirection(String name) {
    assertExists(name);
    return directions.get(name);
  }

  /** The tracked metric names. */
  public List<String> names() {
    return new ArrayList<>(directions.keySet());
  }

  private void assertExists(String name) {
    if (!exists(name)) {
      throw new IllegalArgumentException("Unknown metric: " + name + ". Tracked: " + directions.keySet());
    }
  }

  /**
   * KerasTuner's config: {@code {"metrics": {name: {"direction": ..., "observations": [{"value": [...], "step":
   * ...}]}}}}.
   */
  public Map<String, Object> getConfig() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (String name : directions.keySet()) {
      List<Object> obs = new ArrayList<>();
      observations.get(name).forEach((step, values) -> {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("value", values);
        o.put("step", step);
        obs.add(o);
      });
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("direction", directions.get(name));
      m.put("observations", obs);
      metrics.put(name, m);
    }
    return Map.of("metrics", metrics);
  }

  /** Reads {@link #getConfig()}. */
  @SuppressWarnings("unchecked")
  public static MetricsTracker fromConfig(Map<String, Object> config) {
    MetricsTracker t = new MetricsTracker();
    Map<String, Object> metrics = (Map<String, Object>) config.getOrDefault("metrics", Map.of());
    metrics.forEach((name, raw) -> {
      Map<String, Object> m = (Map<String, Object>) raw;
      t.register(name, (String) m.get("direction"));
      for (Object o : (List<Object>) m.get("observations")) {
        Map<String, Object> obs = (Map<String, Object>) o;
        int step = ((Number) obs.get("step")).intValue();
        for (Object v : (List<Object>) obs.get("value")) {
          t.update(name, ((Number) v).doubleValue(), step);
        }
      }
    });
    return t;
  }
}
