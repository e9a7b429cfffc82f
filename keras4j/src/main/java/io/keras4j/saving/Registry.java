package io.keras4j.saving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One family's Keras names (class names and string aliases) mapped to the readers of their configs.
 *
 * <p>Keras equivalent: the lookup behind {@code keras.<family>.get(identifier)} and {@code deserialize(config)}.
 * Each family ({@code Layers}, {@code Initializers}, {@code Losses}, ...) holds one registry listing its classes;
 * custom classes come from {@link KerasObjects#registerKerasSerializable} (Keras'
 * {@code @register_keras_serializable}).
 * <pre>{@code
 * static final Registry<Initializer> REGISTRY = new Registry<Initializer>("keras.initializers", "initializer")
 *     .add("GlorotUniform", GlorotUniform::fromConfig, "glorot_uniform");
 * }</pre>
 *
 * @param <T> the family's base type
 */
public final class Registry<T> {
  private final String module;
  private final String kind;
  private final Class<T> type;
  private final Map<String, Function<Map<String, Object>, ? extends T>> readers = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();

  /**
   * An empty registry for Keras module {@code module} (such as "keras.layers"); {@code kind} names one object in
   * messages ("layer"); {@code type} checks custom objects.
   */
  public Registry(String module, String kind, Class<T> type) {
    this.module = module;
    this.kind = kind;
    this.type = type;
  }

  /** Keras' module name of this family. */
  public String module() {
    return module;
  }

  /** Adds class {@code className} read by {@code fromConfig}, also found by each of {@code aliases}. */
  public Registry<T> add(String className, Function<Map<String, Object>, ? extends T> fromConfig, String... aliases) {
    readers.put(className, fromConfig);
    for (String a : aliases) {
      this.aliases.put(a.toLowerCase(Locale.ROOT), className);
    }
    return this;
  }

  /** The class names this registry knows, in registration order. */
  public List<String> classNames() {
    return List.copyOf(readers.keySet());
  }

  /** The string aliases this registry knows (such as "glorot_uniform"). */
  public List<String> aliases() {
    return List.copyOf(aliases.keySet());
  }

  /** Whether {@code name} is a class name or alias of this family. */
  public boolean knows(String name) {
    return readers.containsKey(name) || aliases.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A new object of {@code className} (a Keras class name, an alias, or a registered custom name such as
   * "package>MyLayer") configured by {@code config}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public T fromConfig(String className, Map<String, Object> config) {
    Function<Map<String, Object>, ? extends T> reader = readers.get(className);
    if (reader == null && aliases.containsKey(className.toLowerCase(Locale.ROOT))) {
      reader = readers.get(aliases.get(className.toLowerCase(Locale.ROOT)));
    }
    if (reader != null) {
      return reader.apply(config == null ? Map.of() : config);
    }
    Object custom = KerasObjects.custom(className, config);
    if (custom == null) {
      throw new IllegalArgumentException("Unknown " + kind + ": '" + className + "'." + suggestion(className)
          + " Register a custom class with "
          + "KerasObjects.register(name, fromConfig) (Keras' custom_objects; for layers also Layers.register) or "
          + "KerasObjects.registerKerasSerializable (Keras' @register_keras_serializable). Known " + kind + "s: "
          + readers.keySet() + (aliases.isEmpty() ? "" : ", or by name: " + aliases.keySet()));
    }
    return checked(className, custom);
  }

  private T checked(String name, Object custom) {
    if (!type.isInstance(custom)) {
      throw new IllegalArgumentException("The registered object '" + name + "' is a "
          + custom.getClass().getName() + ", not a " + type.getSimpleName());
    }
    return type.cast(custom);
  }

  /**
   * The object {@code spec} describes: null, an instance of the family (returned as it is), a name or alias
   * ("glorot_uniform", "GlorotUniform"), or Keras' serialized form {@code {"class_name": ..., "config": ...,
   * "registered_name": ...}}.
   */
  public T get(Object spec) {
    if (spec == null || type.isInstance(spec)) {
      return type.cast(spec);
    }
    if (spec instanceof String s) {
      return fromConfig(s, Map.of());
    }
    if (spec instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
      Map<String, Object> config = m.get("config") instanceof Map<?, ?> c ? Config.asStringMap(c) : Map.of();
      String registered = m.get("registered_name") instanceof String r ? r : null;
      // Keras' _retrieve_class_or_fn: a custom object found by the registered name comes before the built-ins
      Object custom = registered == null ? null : KerasObjects.custom(registered, config);
      return custom != null ? checked(registered, custom) : fromConfig(cls, config);
    }
    throw new IllegalArgumentException("Could not interpret " + kind + " identifier. Expected a name such as "
        + (aliases.isEmpty() ? readers.keySet() : aliases.keySet()) + ", a " + type.getSimpleName()
        + " or a serialized config. Received: " + spec);
  }

  /** " Did you mean 'adam'?" for the known name closest to {@code name} (at most 2 edits away), or "". */
  private String suggestion(String name) {
    String best = null;
    int bestDistance = 3;
    for (String known : java.util.stream.Stream.concat(aliases.keySet().stream(), readers.keySet().stream()).toList()) {
      int d = editDistance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best == null ? "" : " Did you mean '" + best + "'?";
  }

  /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
  static int editDistance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int substitution = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), substitution);
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
