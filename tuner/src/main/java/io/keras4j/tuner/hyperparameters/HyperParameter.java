package io.keras4j.tuner.hyperparameters;

import io.keras4j.tuner.PythonRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tunable value of a search space: its name, its conditions and how it maps to a probability in [0, 1).
 *
 * <p>Keras equivalent: {@code keras_tuner.engine.hyperparameters.HyperParameter} (keras_tuner/engine/hyperparameters/
 * hyperparameter.py). Subclasses {@link Int}, {@link Float}, {@link Choice}, {@link Boolean} and {@link Fixed}.
 */
public abstract class HyperParameter {
  private final String name;
  final Object defaultValue;
  private final List<Parent> conditions;

  HyperParameter(String name, Object defaultValue, List<Parent> conditions) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": name must be a non-empty string. Received: "
          + (name == null ? "null" : "''"));
    }
    this.name = name;
    this.defaultValue = defaultValue;
    this.conditions = List.copyOf(conditions == null ? List.of() : conditions);
  }

  /** The name, with its name scopes ({@code "block/units"}). */
  public String name() {
    return name;
  }

  /** The parent conditions that must all hold for this hyperparameter to be active (Keras' {@code conditions}). */
  public List<Parent> conditions() {
    return conditions;
  }

  /** The value used when none is chosen (Keras' {@code default} property). */
  public abstract Object defaultValue();

  /** The values a grid search walks through, in order (Keras' {@code values} property). */
  public abstract List<Object> values();

  /** The value at cumulative probability {@code prob} in [0, 1) (Keras' {@code prob_to_value}). */
  public abstract Object probToValue(double prob);

  /** The cumulative probability in [0, 1) of {@code value}, centred in its bucket (Keras' {@code value_to_prob}). */
  public abstract double valueToProb(Object value);

  /** A copy of this hyperparameter under other conditions. */
  abstract HyperParameter withConditions(List<Parent> conditions);

  /** A value drawn as KerasTuner draws it: {@code prob_to_value(random.Random(seed).random())}. */
  public Object randomSample(long seed) {
    return probToValue(new PythonRandom(seed).random());
  }

  /** KerasTuner's config: {@code name}, {@code default}, {@code conditions} and the subclass' own keys. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("default", defaultValue());
    List<Object> conds = new ArrayList<>();
    for (Parent p : conditions) {
      conds.add(Map.of("class_name", "Parent", "config", p.getConfig()));
    }
    c.put("conditions", conds);
    return c;
  }

  /** Reads {@code {"class_name": "Int", "config": {...}}} as KerasTuner's {@code hp_types.deserialize} does. */
  @SuppressWarnings("unchecked")
  public static HyperParameter deserialize(Map<String, Object> spec) {
    String cls = (String) spec.get("class_name");
    Map<String, Object> config = (Map<String, Object>) spec.get("config");
    if (cls == null || config == null) {
      throw new IllegalArgumentException("A serialized hyperparameter needs 'class_name' and 'config'. Received: "
          + spec);
    }
    return switch (cls) {
      case "Int" -> Int.fromConfig(config);
      case "Float" -> Float.fromConfig(config);
      case "Choice" -> Choice.fromConfig(config);
      case "Boolean" -> Boolean.fromConfig(config);
      case "Fixed" -> Fixed.fromConfig(config);
      default -> throw new IllegalArgumentException("Unknown hyperparameter class. Expected one of Int, Float, "
          + "Choice, Boolean, Fixed. Received: " + cls);
    };
  }

  /** {@code {"class_name": ..., "config": ...}}, KerasTuner's serialized form. */
  public Map<String, Object> serialize() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", getClass().getSimpleName());
    m.put("config", getConfig());
    return m;
  }

  @SuppressWarnings("unchecked")
  static List<Parent> conditionsFrom(Map<String, Object> config) {
    List<Parent> out = new ArrayList<>();
    Object raw = config.get("conditions");
    if (raw instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> m = (Map<String, Object>) o;
        out.add(Parent.fromConfig((Map<String, Object>) m.getOrDefault("config", m)));
      }
    }
    return out;
  }

  /** KerasTuner's {@code prob_to_index}: the bucket of {@code prob} among {@code n}. */
  static int probToIndex(double prob, int n) {
    int index = (int) Math.floor(prob / (1.0 / n));
    return index == n ? n - 1 : index;
  }

  /** KerasTuner's {@code index_to_prob}: the centre of bucket {@code index} among {@code n}. */
  static double indexToProb(double index, int n) {
    return (index + 0.5) * (1.0 / n);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + getConfig();
  }
}
