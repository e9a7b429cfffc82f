package io.keras4j.tuner.hyperparameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A numerical hyperparameter between {@code min_value} and {@code max_value}, sampled linearly, in log scale or in
 * reverse log scale, optionally on a grid of {@code step}.
 *
 * <p>Keras equivalent: {@code keras_tuner.engine.hyperparameters.hp_types.numerical.Numerical}.
 */
public abstract class Numerical extends HyperParameter {
  private static final Set<String> SAMPLINGS = Set.of("linear", "log", "reverse_log");
  final double minValue;
  final double maxValue;
  final Double step;
  final String sampling;

  Numerical(String name, double minValue, double maxValue, Double step, String sampling, Object defaultValue,
      List<Parent> conditions) {
    super(name, defaultValue, conditions);
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.step = step;
    this.sampling = sampling == null ? "linear" : sampling.toLowerCase(java.util.Locale.ROOT);
    check();
  }

  private void check() {
    String where = "For HyperParameters." + getClass().getSimpleName() + "(name='" + name() + "'), ";
    if (minValue > maxValue) {
      throw new IllegalArgumentException(where + "min_value " + minValue + " is greater than the max_value "
          + maxValue + ".");
    }
    if (!SAMPLINGS.contains(sampling)) {
      throw new IllegalArgumentException(where + "sampling must be one of [linear, log, reverse_log]. Received: "
          + sampling);
    }
    if (!sampling.equals("linear") && minValue <= 0) {
      throw new IllegalArgumentException(where + "sampling='" + sampling + "' does not support negative values, "
          + "found min_value: " + minValue);
    }
    if (!sampling.equals("linear") && step != null && step <= 1) {
      throw new IllegalArgumentException(where + "expected step > 1 with sampling='" + sampling + "'. Received: step="
          + step + ".");
    }
    if (sampling.equals("linear") && step != null && step <= 0) {
      throw new IllegalArgumentException(where + "expected step > 0. Received: step=" + step + ".");
    }
  }

  /** The lower bound, inclusive (Keras' {@code min_value}). */
  public double minValue() {
    return minValue;
  }

  /** The upper bound, inclusive (Keras' {@code max_value}). */
  public double maxValue() {
    return maxValue;
  }

  /** The grid step, or null for a continuous range (Keras' {@code step}). */
  public Double step() {
    return step;
  }

  /** "linear", "log" or "reverse_log" (Keras' {@code sampling}). */
  public String sampling() {
    return sampling;
  }

  double sampleNumerical(double prob, double max) {
    return switch (sampling) {
      case "linear" -> prob * (max - minValue) + minValue;
      case "log" -> minValue * Math.pow(max / minValue, prob);
      default -> max + minValue - minValue * Math.pow(max / minValue, 1 - prob);
    };
  }

  double numericalToProb(double value, double max) {
    if (max == minValue) {
      return 0.5;
    }
    return switch (sampling) {
      case "linear" -> (value - minValue) / (max - minValue);
      case "log" -> Math.log(value / minValue) / Math.log(max / minValue);
      default -> 1.0 - Math.log((max + minValue - value) / minValue) / Math.log(max / minValue);
    };
  }

  int nValues() {
    if (sampling.equals("linear")) {
      return (int) (Math.floor((maxValue - minValue) / step) + 1);
    }
    return (int) (Math.log(maxValue / minValue) / Math.log(step) + 1e-8) + 1;
  }

  double valueByIndex(int index) {
    return switch (sampling) {
      case "linear" -> minValue + index * step;
      case "log" -> minValue * Math.pow(step, index);
      default -> maxValue + minValue - minValue * Math.pow(step, index);
    };
  }

  double sampleWithStep(double prob) {
    return valueByIndex(probToIndex(prob, nValues()));
  }

  double toProbWithStep(double value) {
    double index = switch (sampling) {
      case "linear" -> Math.floor((value - minValue) / step);
      case "log" -> Math.log(value / minValue) / Math.log(step);
      default -> Math.log((maxValue - value + minValue) / minValue) / Math.log(step);
    };
    return indexToProb(index, nValues());
  }

  /** The grid values, or ten evenly spread values of a continuous range, ascending. */
  @Override
  public List<Object> values() {
    if (step == null) {
      // Porting note: KerasTuner returns a Python set of the ten values (hash order); keras4j sorts them.
      TreeSet<Double> s = new TreeSet<>();
      for (int i = 0; i < 10; i++) {
        s.add(((Number) probToValue(i * 0.1 + 0.05)).doubleValue());
      }
      return new ArrayList<>(s.stream().map(this::box).toList());
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < nValues(); i++) {
      out.add(box(valueByIndex(i)));
    }
    return out;
  }

  /** The value as this type's Java value (Integer or Double). */
  abstract Object box(double v);

  void putRange(java.util.Map<String, Object> c) {
    c.put("min_value", box(minValue));
    c.put("max_value", box(maxValue));
    c.put("step", step == null ? null : box(step));
    c.put("sampling", sampling);
  }
}
