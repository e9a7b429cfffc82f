package io.keras4j.tuner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The metric a search optimizes and whether lower or higher is better.
 *
 * <p>Keras equivalent: {@code keras_tuner.Objective(name, direction)} (keras_tuner/engine/objective.py); a tuner given
 * a metric name infers the direction as KerasTuner's {@code infer_metric_direction} does.
 * <pre>{@code new Objective("val_f1", "max"); Objective.create("val_accuracy"); // direction "max"}</pre>
 */
public final class Objective {
  /** KerasTuner's {@code DefaultObjective}: the value a {@code run_trial} returns as a plain number, minimized. */
  public static final Objective DEFAULT = new Objective("default_objective", "min");

  // KerasTuner's _MAX_METRICS and _MAX_METRIC_FNS, and the snake_case names Keras deserializes to those classes.
  private static final Set<String> MAX = Set.of("Accuracy", "BinaryAccuracy", "CategoricalAccuracy",
      "SparseCategoricalAccuracy", "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy", "TruePositives",
      "TrueNegatives", "Precision", "Recall", "AUC", "SensitivityAtSpecificity", "SpecificityAtSensitivity",
      "accuracy", "acc", "categorical_accuracy", "binary_accuracy", "sparse_categorical_accuracy",
      "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy", "true_positives", "true_negatives",
      "precision", "recall", "auc", "sensitivity_at_specificity", "specificity_at_sensitivity");

  private final String name;
  private final String direction;

  /** An objective: the metric's {@code name} as it appears in the logs, {@code direction} "min" or "max". */
  public Objective(String name, String direction) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Objective name must be a non-empty string. Received: " + name);
    }
    if (!"min".equals(direction) && !"max".equals(direction)) {
      throw new IllegalArgumentException("Objective direction must be \"min\" or \"max\". Received: direction="
          + direction + " for objective '" + name + "'.");
    }
    this.name = name;
    this.direction = direction;
  }

  /**
   * The objective for a metric name, its direction inferred as KerasTuner does: {@code val_} and {@code weighted_}
   * prefixes dropped, accuracies, precision, recall, AUC and true counts maximized, other Keras metrics and losses
   * minimized (Keras' {@code create_objective(str)}).
   *
   * @throws IllegalArgumentException for a metric whose direction cannot be inferred
   */
  public static Objective create(String name) {
    String direction = inferDirection(name);
    if (direction == null) {
      throw new IllegalArgumentException("Could not infer optimization direction (\"min\" or \"max\") for unknown "
          + "metric \"" + name + "\". Please specify the objective as a `new Objective(\"" + name
          + "\", \"min\")`.");
    }
    return new Objective(name, direction);
  }

  /** "min", "max", or null when unknown (KerasTuner's {@code infer_metric_direction}). */
  public static String inferDirection(String metric) {
    String m = metric.startsWith("val_") ? metric.substring(4) : metric;
    m = m.startsWith("weighted_") ? m.substring(9) : m;
    if (Set.of("loss", "crossentropy", "ce").contains(m)) {
      return "min";
    }
    if (MAX.contains(m)) {
      return "max";
    }
    boolean known = io.keras4j.metrics.Metrics.registry().knows(m) || io.keras4j.losses.Losses.registry().knows(m);
    return known ? "min" : null;
  }

  /** An objective from a name (direction inferred) or an Objective (as it is); null gives {@link #DEFAULT}. */
  public static Objective of(Object objective) {
    if (objective == null) {
      return DEFAULT;
    }
    if (objective instanceof Objective o) {
      return o;
    }
    if (objective instanceof String s) {
      return create(s);
    }
    throw new IllegalArgumentException("`objective` not understood, expected str or `Objective` object, found: "
        + objective);
  }

  /** The metric's name. */
  public String name() {
    return name;
  }

  /** "min" or "max". */
  public String direction() {
    return direction;
  }

  /** Whether the logs hold this objective's metric (Keras' {@code has_value}). */
  public boolean hasValue(Map<String, Double> logs) {
    return logs != null && logs.containsKey(name);
  }

  /** The metric's value in the logs (Keras' {@code get_value}). */
  public double getValue(Map<String, Double> logs) {
    return logs.get(name);
  }

  /** Whether {@code a} is strictly better than {@code b} (Keras' {@code better_than}). */
  public boolean betterThan(double a, double b) {
    return direction.equals("max") ? a > b : a < b;
  }

  /** {@code {"name": ..., "direction": ...}}. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("direction", direction);
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Objective x && x.name.equals(name) && x.direction.equals(direction);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + direction.hashCode();
  }

  /** {@code Objective(name="val_accuracy", direction="max")}, as KerasTuner prints it. */
  @Override
  public String toString() {
    return "Objective(name=\"" + name + "\", direction=\"" + direction + "\")";
  }
}
