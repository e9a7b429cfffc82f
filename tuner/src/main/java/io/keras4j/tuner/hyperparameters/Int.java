package io.keras4j.tuner.hyperparameters;

import java.util.List;
import java.util.Map;

/**
 * An integer hyperparameter in [{@code min_value}, {@code max_value}], {@code max_value} included.
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperParameters().Int(name, min_value, max_value, step=None,
 * sampling="linear", default=None)}; with linear sampling and no step, the step is 1. Usually created through
 * {@link HyperParameters#Int(String, int, int)}.
 */
public final class Int extends Numerical {

  /** {@code Int(name, min_value, max_value)}: step 1, linear. */
  public Int(String name, int minValue, int maxValue) {
    this(name, minValue, maxValue, null, "linear", null, List.of());
  }

  /**
   * The full form. {@code step} null means 1 for linear sampling and a continuous range otherwise; {@code
   * defaultValue} null means {@code min_value}.
   */
  public Int(String name, int minValue, int maxValue, Integer step, String sampling, Integer defaultValue,
      List<Parent> conditions) {
    super(name, minValue, maxValue, stepOf(step, sampling), sampling, defaultValue, conditions);
  }

  private static Double stepOf(Integer step, String sampling) {
    if (step != null) {
      return step.doubleValue();
    }
    return sampling == null || sampling.equalsIgnoreCase("linear") ? 1.0 : null;
  }

  @Override
  public Object defaultValue() {
    return defaultValue != null ? defaultValue : (int) minValue;
  }

  @Override
  public Object probToValue(double prob) {
    if (step == null) {
      return (int) sampleNumerical(prob, maxValue + 1);
    }
    return (int) sampleWithStep(prob);
  }

  @Override
  public double valueToProb(Object value) {
    double v = ((Number) value).doubleValue();
    return step == null ? numericalToProb(v + 0.5, maxValue + 1) : toProbWithStep(v);
  }

  @Override
  Object box(double v) {
    return (int) v;
  }

  @Override
  HyperParameter withConditions(List<Parent> conditions) {
    return new Int(name(), (int) minValue, (int) maxValue, step == null ? null : (int) (double) step, sampling,
        (Integer) defaultValue, conditions);
  }

  /** KerasTuner's keys: name, default (null when unset), conditions, min_value, max_value, step, sampling. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    putRange(c);
    c.put("default", defaultValue);
    return c;
  }

  /** Reads {@link #getConfig()}. */
  public static Int fromConfig(Map<String, Object> c) {
    Number step = (Number) c.get("step");
    Number def = (Number) c.get("default");
    return new Int((String) c.get("name"), intOf(c, "min_value"), intOf(c, "max_value"),
        step == null ? null : step.intValue(), (String) c.getOrDefault("sampling", "linear"),
        def == null ? null : def.intValue(), conditionsFrom(c));
  }

  private static int intOf(Map<String, Object> c, String key) {
    Number n = (Number) c.get(key);
    if (n == null || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(key + " must be an int, Received: " + n);
    }
    return n.intValue();
  }
}
