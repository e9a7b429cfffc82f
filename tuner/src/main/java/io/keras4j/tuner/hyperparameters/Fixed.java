package io.keras4j.tuner.hyperparameters;

import java.util.List;
import java.util.Map;

/**
 * A value that is not tuned.
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperParameters().Fixed(name, value)}.
 */
public final class Fixed extends HyperParameter {
  private final Object value;

  /** {@code Fixed(name, value)}: an int, float, string or boolean. */
  public Fixed(String name, Object value) {
    this(name, value, List.of());
  }

  /** The full form. */
  public Fixed(String name, Object value, List<Parent> conditions) {
    super(name, Values.standardize(value), conditions);
    this.value = defaultValue;
  }

  /** The fixed value. */
  public Object value() {
    return value;
  }

  @Override
  public Object defaultValue() {
    return value;
  }

  @Override
  public List<Object> values() {
    return List.of(value);
  }

  @Override
  public Object probToValue(double prob) {
    return value;
  }

  @Override
  public double valueToProb(Object v) {
    return 0.5;
  }

  @Override
  HyperParameter withConditions(List<Parent> conditions) {
    return new Fixed(name(), value, conditions);
  }

  /** KerasTuner's keys: name, conditions, value (no default). */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("default");
    c.put("value", value);
    return c;
  }

  /** Reads {@link #getConfig()}. */
  public static Fixed fromConfig(Map<String, Object> c) {
    return new Fixed((String) c.get("name"), c.get("value"), conditionsFrom(c));
  }
}
