package io.keras4j.tuner.hyperparameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The condition "the hyperparameter {@code name} has one of {@code values}", which activates a conditional
 * hyperparameter.
 *
 * <p>Keras equivalent: {@code keras_tuner.engine.conditions.Parent(name, values)}.
 */
public final class Parent {
  private final String name;
  private final List<Object> values;

  /** The condition that {@code name}'s value is among {@code values}. */
  public Parent(String name, List<?> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("Parent condition on '" + name + "' needs at least one value. Received: "
          + values);
    }
    this.name = name;
    this.values = List.copyOf(values.stream().map(Values::standardize).toList());
  }

  /** The parent's name. */
  public String name() {
    return name;
  }

  /** The parent values that activate the condition. */
  public List<Object> values() {
    return values;
  }

  /** Whether the active {@code values} give the parent one of this condition's values (Keras' {@code is_active}). */
  public boolean isActive(Map<String, Object> activeValues) {
    return activeValues.containsKey(name) && values.stream().anyMatch(v -> Values.same(v, activeValues.get(name)));
  }

  /** {@code {"name": ..., "values": [...]}}. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("values", values);
    return c;
  }

  /** Reads {@link #getConfig()}. */
  @SuppressWarnings("unchecked")
  public static Parent fromConfig(Map<String, Object> config) {
    return new Parent((String) config.get("name"), (List<Object>) config.get("values"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parent p && p.name.equals(name) && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, values);
  }
}
