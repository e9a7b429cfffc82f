package io.keras4j.tuner.hyperparameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One value among a list of ints, floats, strings or booleans, all of one type.
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperParameters().Choice(name, values, ordered=None, default=None)}; the
 * default is the first value, {@code ordered} defaults to true for numbers.
 */
public final class Choice extends HyperParameter {
  private final List<Object> values;
  private final boolean ordered;

  /** {@code Choice(name, values)}. */
  public Choice(String name, List<?> values) {
    this(name, values, null, null, List.of());
  }

  /** The full form: {@code ordered} null to infer it, {@code defaultValue} null for the first value. */
  public Choice(String name, List<?> values, java.lang.Boolean ordered, Object defaultValue, List<Parent> conditions) {
    super(name, defaultValue == null ? null : Values.standardize(defaultValue), conditions);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("`values` must be provided for `Choice` '" + name + "'. Received: " + values);
    }
    List<Object> std = new ArrayList<>();
    for (Object v : values) {
      std.add(Values.standardize(v));
    }
    if (std.stream().map(Object::getClass).distinct().count() > 1) {
      throw new IllegalArgumentException("A `Choice` can contain only one type of value, found values: " + values
          + " in Choice '" + name + "'.");
    }
    this.values = List.copyOf(std);
    if (this.defaultValue != null && std.stream().noneMatch(v -> Values.same(v, this.defaultValue))) {
      throw new IllegalArgumentException("The default value should be one of the choices. You passed: values="
          + values + ", default=" + defaultValue + " (Choice '" + name + "').");
    }
    boolean numeric = std.get(0) instanceof Number;
    if (ordered != null && ordered && !numeric) {
      throw new IllegalArgumentException("`ordered` must be `False` for non-numeric types (Choice '" + name + "').");
    }
    this.ordered = ordered == null ? numeric : ordered;
  }

  /** Whether the values have an order (Keras' {@code ordered}). */
  public boolean ordered() {
    return ordered;
  }

  @Override
  public List<Object> values() {
    return values;
  }

  @Override
  public Object defaultValue() {
    return defaultValue != null ? defaultValue : values.get(0);
  }

  @Override
  public Object probToValue(double prob) {
    return values.get(probToIndex(prob, values.size()));
  }

  @Override
  public double valueToProb(Object value) {
    for (int i = 0; i < values.size(); i++) {
      if (Values.same(values.get(i), value)) {
        return indexToProb(i, values.size());
      }
    }
    throw new IllegalArgumentException("Choice '" + name() + "': " + value + " is not one of " + values);
  }

  @Override
  HyperParameter withConditions(List<Parent> conditions) {
    return new Choice(name(), values, ordered, defaultValue, conditions);
  }

  /** KerasTuner's keys: name, default, conditions, values, ordered. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("values", values);
    c.put("ordered", ordered);
    return c;
  }

  /** Reads {@link #getConfig()}. */
  @SuppressWarnings("unchecked")
  public static Choice fromConfig(Map<String, Object> c) {
    return new Choice((String) c.get("name"), (List<Object>) c.get("values"), (java.lang.Boolean) c.get("ordered"),
        c.get("default"), conditionsFrom(c));
  }
}
