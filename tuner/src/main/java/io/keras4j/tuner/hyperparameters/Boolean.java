package io.keras4j.tuner.hyperparameters;

import java.util.List;
import java.util.Map;

/**
 * True or false.
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperParameters().Boolean(name, default=False)}.
 */
public final class Boolean extends HyperParameter {

  /** {@code Boolean(name)}: default false. */
  public Boolean(String name) {
    this(name, false, List.of());
  }

  /** The full form. */
  public Boolean(String name, boolean defaultValue, List<Parent> conditions) {
    super(name, defaultValue, conditions);
  }

  @Override
  public Object defaultValue() {
    return defaultValue;
  }

  /** {@code [true, false]}, KerasTuner's order. */
  @Override
  public List<Object> values() {
    return List.of(true, false);
  }

  @Override
  public Object probToValue(double prob) {
    return prob >= 0.5;
  }

  @Override
  public double valueToProb(Object value) {
    return (java.lang.Boolean) value ? 0.75 : 0.25;
  }

  @Override
  HyperParameter withConditions(List<Parent> conditions) {
    return new Boolean(name(), (java.lang.Boolean) defaultValue, conditions);
  }

  /** Reads {@link #getConfig()} (keys name, default, conditions). */
  public static Boolean fromConfig(Map<String, Object> c) {
    Object d = c.get("default");
    return new Boolean((String) c.get("name"), d != null && (java.lang.Boolean) d, conditionsFrom(c));
  }
}
