package io.keras4j.tuner.hyperparameters;

import java.util.List;
import java.util.Map;

/**
 * A floating-point hyperparameter in [{@code min_value}, {@code max_value}], sampled linearly, in log scale (learning
 * rates) or reverse log scale (momenta close to 1).
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperParameters().Float(name, min_value, max_value, step=None,
 * sampling="linear", default=None)}. Usually created through {@link HyperParameters#Float(String, double, double)}.
 */
public final class Float extends Numerical {

  /** {@code Float(name, min_value, max_value)}: continuous, linear. */
  public Float(String name, double minValue, double maxValue) {
    this(name, minValue, maxValue, null, "linear", null, List.of());
  }

  /** The full form: {@code step} null for a continuous range, {@code defaultValue} null for {@code min_value}. */
  public Float(String name, double minValue, double maxValue, Double step, String sampling, Double defaultValue,
      List<Parent> conditions) {
    super(name, minValue, maxValue, step, sampling, defaultValue, conditions);
  }

  @Override
  public Object defaultValue() {
    return defaultValue != null ? defaultValue : minValue;
  }

  @Override
  public Object probToValue(double prob) {
    return step == null ? sampleNumerical(prob, maxValue) : sampleWithStep(prob);
  }

  @Override
  public double valueToProb(Object value) {
    double v = ((Number) value).doubleValue();
    return step == null ? numericalToProb(v, maxValue) : toProbWithStep(v);
  }

  @Override
  Object box(double v) {
    return v;
  }

  @Override
  HyperParameter withConditions(List<Parent> conditions) {
    return new Float(name(), minValue, maxValue, step, sampling, (Double) defaultValue, conditions);
  }

  /** KerasTuner's keys: name, default, conditions, min_value, max_value, step, sampling. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    putRange(c);
    return c;
  }

  /** Reads {@link #getConfig()}. */
  public static Float fromConfig(Map<String, Object> c) {
    Number step = (Number) c.get("step");
    Number def = (Number) c.get("default");
    return new Float((String) c.get("name"), ((Number) c.get("min_value")).doubleValue(),
        ((Number) c.get("max_value")).doubleValue(), step == null ? null : step.doubleValue(),
        (String) c.getOrDefault("sampling", "linear"), def == null ? null : def.doubleValue(), conditionsFrom(c));
  }
}
