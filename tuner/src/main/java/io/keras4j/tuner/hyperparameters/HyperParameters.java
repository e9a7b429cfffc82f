package io.keras4j.tuner.hyperparameters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search space and the values of one trial: a hypermodel asks it for each hyperparameter ({@code hp.Int("units",
 * 32, 512, 32)}) and gets the trial's value, or the default the first time.
 *
 * <pre>{@code
 * int units = hp.Int("units", 32, 512, 32);
 * double lr = hp.Float("learning_rate", 1e-4, 1e-2, "log");
 * String model = hp.Choice("model", "linear", "dnn");
 * try (var scope = hp.conditionalScope("model", "dnn")) {
 *   if (model.equals("dnn")) { int layers = hp.Int("layers", 1, 3); }
 * }
 * }</pre>
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperParameters} (keras_tuner/engine/hyperparameters/hyperparameters.py).
 * Porting note: Python's {@code with hp.conditional_scope(...)} and {@code with hp.name_scope(...)} are
 * try-with-resources blocks here; the {@code parent_name=}/{@code parent_values=} arguments are the same scope.
 */
public final class HyperParameters {
  private final Deque<String> nameScopes = new ArrayDeque<>();
  private final List<Parent> conditions = new ArrayList<>();
  private final Map<String, List<HyperParameter>> hps = new LinkedHashMap<>();
  private final List<HyperParameter> space = new ArrayList<>();
  private Map<String, Object> values = new LinkedHashMap<>();
  private final List<List<Parent>> activeScopes = new ArrayList<>();
  private final List<List<Parent>> inactiveScopes = new ArrayList<>();

  /** A scope closed by try-with-resources. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Opens a name scope: hyperparameters declared inside are named {@code "scope/name"} (Keras' {@code name_scope}). */
  public Scope nameScope(String name) {
    nameScopes.addLast(name);
    return nameScopes::removeLast;
  }

  /**
   * Opens a conditional scope: hyperparameters declared inside are active only when {@code parentName} has one of
   * {@code parentValues} (Keras' {@code conditional_scope(parent_name, parent_values)}).
   *
   * @throws IllegalArgumentException when {@code parentName} is not defined
   */
  public Scope conditionalScope(String parentName, Object... parentValues) {
    String full = fullName(parentName);
    if (!exists(full, conditions)) {
      throw new IllegalArgumentException("`HyperParameter` named: " + full + " not defined.");
    }
    Parent c = new Parent(full, Arrays.asList(parentValues));
    conditions.add(c);
    (c.isActive(values) ? activeScopes : inactiveScopes).add(List.copyOf(conditions));
    return () -> conditions.remove(conditions.size() - 1);
  }

  /** Whether all of {@code hp}'s conditions hold for the current values (Keras' {@code is_active}). */
  public boolean isActive(HyperParameter hp) {
    return hp.conditions().stream().allMatch(c -> c.isActive(values));
  }

  /** Whether any hyperparameter called {@code name} is active. */
  public boolean isActive(String name) {
    return hps.getOrDefault(name, List.of()).stream().anyMatch(this::isActive);
  }

  boolean exists(String name, List<Parent> conds) {
    return hps.getOrDefault(name, List.of()).stream().anyMatch(h -> h.conditions().equals(conds));
  }

  private Object retrieve(HyperParameter hp) {
    if (exists(hp.name(), hp.conditions())) {
      return isActive(hp) ? values.get(hp.name()) : null;
    }
    return register(hp, false);
  }

  private Object register(HyperParameter hp, boolean overwrite) {
    for (Parent c : conditions) {
      if (c.name().equals(hp.name())) {
        throw new IllegalArgumentException("A conditional `HyperParameter` cannot have the same name as its parent. "
            + "Found: " + hp.name() + " and parent_name: " + c.name());
      }
    }
    hps.computeIfAbsent(hp.name(), k -> new ArrayList<>()).add(hp);
    space.add(hp);
    if (!isActive(hp)) {
      return null;
    }
    if (overwrite || !values.containsKey(hp.name())) {
      values.put(hp.name(), hp.defaultValue());
    }
    return values.get(hp.name());
  }

  private String fullName(String name) {
    return nameScopes.isEmpty() ? name : String.join("/", nameScopes) + "/" + name;
  }

  private List<Parent> scope() {
    return List.copyOf(conditions);
  }

  /** An integer in [min, max] with step 1 (Keras' {@code hp.Int(name, min_value, max_value)}); null if inactive. */
  public Integer Int(String name, int minValue, int maxValue) {
    return Int(name, minValue, maxValue, null, "linear", null);
  }

  /** An integer on the grid min, min + step, ..., max (Keras' {@code step=}). */
  public Integer Int(String name, int minValue, int maxValue, int step) {
    return Int(name, minValue, maxValue, step, "linear", null);
  }

  /** An integer sampled with {@code sampling} "linear", "log" or "reverse_log" (Keras' {@code sampling=}). */
  public Integer Int(String name, int minValue, int maxValue, String sampling) {
    return Int(name, minValue, maxValue, null, sampling, null);
  }

  /** An integer on a grid of {@code step} sampled with {@code sampling} (Keras' {@code step=..., sampling=...}). */
  public Integer Int(String name, int minValue, int maxValue, int step, String sampling) {
    return Int(name, minValue, maxValue, (Integer) step, sampling, null);
  }

  /**
   * The full {@code hp.Int(name, min_value, max_value, step=None, sampling="linear", default=None)}: a null step is
   * 1 with linear sampling; a null default is {@code min_value}.
   */
  public Integer Int(String name, int minValue, int maxValue, Integer step, String sampling, Integer defaultValue) {
    return (Integer) retrieve(new Int(fullName(name), minValue, maxValue, step, sampling, defaultValue, scope()));
  }

  /** A float in [min, max], linear (Keras' {@code hp.Float(name, min_value, max_value)}); null if inactive. */
  public Double Float(String name, double minValue, double maxValue) {
    return Float(name, minValue, maxValue, null, "linear", null);
  }

  /** A float on the grid min, min + step, ..., max. */
  public Double Float(String name, double minValue, double maxValue, double step) {
    return Float(name, minValue, maxValue, step, "linear", null);
  }

  /** A float sampled with {@code sampling} "linear", "log" or "reverse_log". */
  public Double Float(String name, double minValue, double maxValue, String sampling) {
    return Float(name, minValue, maxValue, null, sampling, null);
  }

  /** A float on a grid of {@code step} sampled with {@code sampling}: for "log", step is a ratio (> 1). */
  public Double Float(String name, double minValue, double maxValue, double step, String sampling) {
    return Float(name, minValue, maxValue, (Double) step, sampling, null);
  }

  /** The full {@code hp.Float(name, min_value, max_value, step=None, sampling="linear", default=None)}. */
  public Double Float(String name, double minValue, double maxValue, Double step, String sampling,
      Double defaultValue) {
    return (Double) retrieve(new Float(fullName(name), minValue, maxValue, step, sampling, defaultValue, scope()));
  }

  /** One of {@code values} (Keras' {@code hp.Choice(name, values)}), the first by default; null if inactive. */
  @SuppressWarnings("unchecked")
  public <T> T Choice(String name, List<T> values) {
    return (T) retrieve(new Choice(fullName(name), values, null, null, scope()));
  }

  /** {@code hp.Choice(name, values, ordered=None, default=...)}. */
  @SuppressWarnings("unchecked")
  public <T> T Choice(String name, List<T> values, T defaultValue) {
    return (T) retrieve(new Choice(fullName(name), values, null, defaultValue, scope()));
  }

  /** One of the strings {@code values}. */
  public String Choice(String name, String... values) {
    return Choice(name, Arrays.asList(values));
  }

  /** One of the ints {@code values}. */
  public Integer Choice(String name, int... values) {
    return Choice(name, Arrays.stream(values).boxed().toList());
  }

  /** One of the floats {@code values}. */
  public Double Choice(String name, double... values) {
    return Choice(name, Arrays.stream(values).boxed().toList());
  }

  /** True or false, false by default (Keras' {@code hp.Boolean(name, default=False)}); null if inactive. */
  public java.lang.Boolean Boolean(String name) {
    return Boolean(name, false);
  }

  /** True or false with the given default. */
  public java.lang.Boolean Boolean(String name, boolean defaultValue) {
    return (java.lang.Boolean) retrieve(new Boolean(fullName(name), defaultValue, scope()));
  }

  /** A value that is not tuned (Keras' {@code hp.Fixed(name, value)}). */
  @SuppressWarnings("unchecked")
  public <T> T Fixed(String name, T value) {
    return (T) retrieve(new Fixed(fullName(name), value, scope()));
  }

  /**
   * The active value of {@code name} (Keras' {@code hp.get(name)} and {@code hp[name]}).
   *
   * @throws IllegalArgumentException when it is inactive or unknown
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String name) {
    String full = fullName(name);
    if (values.containsKey(full)) {
      return (T) values.get(full);
    }
    if (hps.containsKey(full)) {
      throw new IllegalArgumentException(full + " is currently inactive.");
    }
    throw new IllegalArgumentException(full + " does not exist. Known: " + hps.keySet());
  }

  /** Whether {@code name} has an active value (Python's {@code name in hp}). */
  public boolean contains(String name) {
    return values.containsKey(fullName(name));
  }

  /** The active values by name, in declaration order; the live map (Keras' {@code hp.values}). */
  public Map<String, Object> values() {
    return values;
  }

  /** Replaces the values (an oracle sets a trial's values this way). */
  public HyperParameters values(Map<String, Object> newValues) {
    this.values = new LinkedHashMap<>(newValues);
    return this;
  }

  /** Every hyperparameter declared, in declaration order, parents before their conditional children. */
  public List<HyperParameter> space() {
    return space;
  }

  /** The condition lists of the scopes opened while active (KerasTuner's {@code active_scopes}). */
  public List<List<Parent>> activeScopes() {
    return activeScopes;
  }

  /** The condition lists of the scopes opened while inactive (KerasTuner's {@code inactive_scopes}). */
  public List<List<Parent>> inactiveScopes() {
    return inactiveScopes;
  }

  /** Adds hyperparameters, replacing values when {@code overwrite} (Keras' {@code merge}). */
  public void merge(List<HyperParameter> other, boolean overwrite) {
    for (HyperParameter h : other) {
      if (overwrite || !exists(h.name(), h.conditions())) {
        register(h, overwrite);
      }
    }
  }

  /** Adds the hyperparameters of {@code other}, replacing values. */
  public void merge(HyperParameters other) {
    merge(new ArrayList<>(other.space), true);
  }

  /**
   * Gives every active hyperparameter a value and drops the values of inactive ones (Keras'
   * {@code ensure_active_values}). Porting note: KerasTuner draws a missing value unseeded; keras4j seeds the draw
   * with the name's hash, so runs repeat.
   */
  public void ensureActiveValues() {
    for (HyperParameter h : space) {
      if (isActive(h)) {
        values.computeIfAbsent(h.name(), k -> h.randomSample(k.hashCode()));
      } else {
        values.remove(h.name());
      }
    }
  }

  /** KerasTuner's config: {@code {"space": [{"class_name": ..., "config": ...}], "values": {...}}}. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("space", space.stream().map(HyperParameter::serialize).toList());
    c.put("values", new LinkedHashMap<>(values));
    return c;
  }

  /** Reads {@link #getConfig()} (Keras' {@code HyperParameters.from_config}). */
  @SuppressWarnings("unchecked")
  public static HyperParameters fromConfig(Map<String, Object> config) {
    HyperParameters h = new HyperParameters();
    for (Object o : (List<Object>) config.getOrDefault("space", List.of())) {
      HyperParameter p = HyperParameter.deserialize((Map<String, Object>) o);
      h.hps.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
      h.space.add(p);
    }
    Map<String, Object> v = (Map<String, Object>) config.getOrDefault("values", Map.of());
    v.forEach((k, val) -> h.values.put(k, val == null ? null : Values.standardize(val)));
    return h;
  }

  /** A deep copy of the space and values, without open scopes (Keras' {@code copy}). */
  public HyperParameters copy() {
    return fromConfig(getConfig());
  }

  @Override
  public String toString() {
    return "HyperParameters" + values;
  }
}
