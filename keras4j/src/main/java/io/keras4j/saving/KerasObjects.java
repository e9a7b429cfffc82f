package io.keras4j.saving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keras 3's serialized form of objects, {@code {"module", "class_name", "config", "registered_name"}}, and the
 * registry of custom classes.
 *
 * <p>Keras equivalent: {@code keras.saving.serialize_keras_object} and
 * {@code keras.saving.register_keras_serializable(package, name)}.
 * <pre>{@code
 * KerasObjects.registerKerasSerializable("MyPackage", "Scale", Scale.class, Scale::fromConfig);
 * }</pre>
 */
public final class KerasObjects {
  private static final Map<String, Function<Map<String, Object>, ?>> CUSTOM = new ConcurrentHashMap<>();
  private static final Map<Class<?>, String> CUSTOM_NAMES = new ConcurrentHashMap<>();
  /** Registered functions (activations), by their bare name, to their registered name "package>name". */
  private static final Map<String, String> FUNCTION_NAMES = new ConcurrentHashMap<>();
  /** The {@code custom_objects} of the load running on this thread (Keras' argument of {@code load_model}). */
  private static final ThreadLocal<Map<String, Object>> CALL_OBJECTS = ThreadLocal.withInitial(Map::of);

  private KerasObjects() {}

  /** The serialized form of {@code o}; strings, numbers, booleans and null stay as they are. */
  public static Object serialize(Object o) {
    if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
      return o;
    }
    if (!(o instanceof KerasSerializable k)) {
      throw new IllegalArgumentException("Cannot serialize " + o.getClass().getName() + " to a Keras config: it is "
          + "not KerasSerializable");
    }
    String registered = CUSTOM_NAMES.get(o.getClass());
    boolean builtIn = registered == null && isBuiltIn(o.getClass());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("module", builtIn ? k.kerasModule() : null);
    out.put("class_name", k.kerasClassName());
    out.put("config", k.getConfig());
    out.put("registered_name", builtIn ? null : registered == null ? k.kerasClassName() : registered);
    return out;
  }

  /**
   * Whether {@code type} is one of keras4j's own classes (a Keras built-in); any other class is custom and is
   * written as Keras writes custom classes: {@code module} null, {@code registered_name} its registered name, or
   * its class name when it is not registered (then loaded through {@code custom_objects}).
   */
  public static boolean isBuiltIn(Class<?> type) {
    if (isRegistered(type)) {
      return false;
    }
    java.security.CodeSource own = KerasObjects.class.getProtectionDomain().getCodeSource();
    java.security.CodeSource theirs = type.getProtectionDomain().getCodeSource();
    return own == null || theirs != null && own.getLocation().equals(theirs.getLocation()); // keras4j's own jar
  }

  /** Whether the class {@code type} was registered with {@link #registerKerasSerializable}. */
  public static boolean isRegistered(Class<?> type) {
    return CUSTOM_NAMES.containsKey(type);
  }

  /** The registered name "package>name" of {@code type}, or null when it is not registered. */
  public static String registeredName(Class<?> type) {
    return CUSTOM_NAMES.get(type);
  }

  /**
   * Registers a custom class under Keras' registered name {@code package>name} (Keras'
   * {@code @register_keras_serializable(package="Custom", name=None)}), so that files naming it load.
   *
   * @param pkg Keras' {@code package}; "Custom" when null
   * @param name the class name in files; the simple class name when null
   */
  public static <T> void registerKerasSerializable(String pkg, String name, Class<T> type,
      Function<Map<String, Object>, ? extends T> fromConfig) {
    String registered = (pkg == null ? "Custom" : pkg) + ">" + (name == null ? type.getSimpleName() : name);
    CUSTOM.put(registered, fromConfig);
    CUSTOM.put(name == null ? type.getSimpleName() : name, fromConfig);
    CUSTOM_NAMES.put(type, registered);
  }

  /**
   * Registers a custom function, such as an activation, under {@code package>name} (Keras'
   * {@code @register_keras_serializable} on a function); layers using it save it as Keras does,
   * {@code {"module": "builtins", "class_name": "function", "config": "package>name", "registered_name":
   * "function"}}.
   *
   * @param pkg Keras' {@code package}; "Custom" when null
   * @param name the function's name in files; for a {@link SerializableFunction} (an activation) its
   *     {@code name()} when null
   */
  public static void registerKerasSerializable(String pkg, String name, Object function) {
    String bare = name != null ? name
        : function instanceof SerializableFunction f ? f.name() : null;
    if (bare == null || bare.isEmpty() || function == null) {
      throw new IllegalArgumentException("registerKerasSerializable: a function needs a name. Received: name="
          + name + ", function=" + function);
    }
    String registered = (pkg == null ? "Custom" : pkg) + ">" + bare;
    CUSTOM.put(registered, config -> function);
    CUSTOM.put(bare, config -> function);
    FUNCTION_NAMES.put(bare, registered);
  }

  /**
   * Keras' serialized form of the registered function {@code name} (an activation's name as a layer writes it, bare
   * or "package>name"), or
   * {@code name} itself when it names no registered function.
   */
  public static Object serializeFunction(String name) {
    String registered = name == null ? null
        : FUNCTION_NAMES.containsValue(name) ? name : FUNCTION_NAMES.get(name);
    if (registered == null) {
      return name;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("module", "builtins"); // as Keras 3.15's activations.serialize writes a registered function
    out.put("class_name", "function");
    out.put("config", registered);
    out.put("registered_name", "function");
    return out;
  }

  /**
   * Runs {@code body} with {@code customObjects} known by name (Keras' {@code custom_objects} argument of
   * {@code load_model}): looked up after the open {@link CustomObjectScope}s and the registered classes.
   */
  public static <T> T withCustomObjects(Map<String, ?> customObjects, Supplier<T> body) {
    Map<String, Object> previous = CALL_OBJECTS.get();
    Map<String, Object> merged = new LinkedHashMap<>(previous);
    if (customObjects != null) {
      customObjects.forEach(CustomObjectScope::check);
      merged.putAll(customObjects);
    }
    CALL_OBJECTS.set(merged);
    try {
      return body.get();
    } finally {
      CALL_OBJECTS.set(previous);
    }
  }

  /** Registers a custom class under the bare name {@code name} (Keras' {@code custom_objects={name: cls}}). */
  public static void register(String name, Function<Map<String, Object>, ?> fromConfig) {
    CUSTOM.put(name, fromConfig);
  }

  /** Removes a custom name registered with {@link #register(String, Function)}. */
  public static void unregister(String name) {
    CUSTOM.remove(name);
  }

  /** Removes a custom class registered with {@link #registerKerasSerializable}. */
  public static void unregister(Class<?> type) {
    String registered = CUSTOM_NAMES.remove(type);
    if (registered != null) {
      CUSTOM.remove(registered);
      CUSTOM.remove(registered.substring(registered.indexOf('>') + 1));
    }
  }

  /** Removes a function registered with {@link #registerKerasSerializable(String, String, Object)}. */
  public static void unregisterFunction(String name) {
    String registered = FUNCTION_NAMES.remove(name);
    if (registered != null) {
      CUSTOM.remove(registered);
      CUSTOM.remove(name);
    }
  }

  /**
   * Whether {@code name} (a "package>name" or a bare name) resolves to a custom object: in an open
   * {@link CustomObjectScope}, registered, or in the {@code custom_objects} of the running load.
   */
  public static boolean isRegistered(String name) {
    return resolve(name) != null;
  }

  /**
   * The entry named {@code name}, in Keras' order ({@code object_registration.get_registered_object}): the open
   * scopes (innermost first), then the registered classes and functions, then the load's {@code custom_objects};
   * null when none has it.
   */
  static Object resolve(String name) {
    if (name == null) {
      return null;
    }
    Object o = CustomObjectScope.lookup(name);
    if (o == null) {
      o = CUSTOM.get(name);
    }
    return o != null ? o : CALL_OBJECTS.get().get(name);
  }

  /**
   * The custom object {@code name} configured by {@code config}, or null when {@code name} resolves to nothing
   * ({@link #resolve}).
   */
  public static Object custom(String name, Map<String, Object> config) {
    Object entry = resolve(name);
    return entry == null ? null : instantiate(name, entry, config == null ? Map.of() : config);
  }

  /** A reader applied to the config, a class's static {@code fromConfig(Map)} called, any other object itself. */
  @SuppressWarnings("unchecked")
  private static Object instantiate(String name, Object entry, Map<String, Object> config) {
    if (entry instanceof Function<?, ?> reader) {
      return ((Function<Map<String, Object>, ?>) reader).apply(config);
    }
    if (entry instanceof Class<?> type) {
      try {
        return type.getMethod("fromConfig", Map.class).invoke(null, config);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalArgumentException("Custom object '" + name + "': class " + type.getName() + " needs a "
            + "public static fromConfig(Map<String, Object>) method (Keras' from_config)", e);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r
            : new IllegalArgumentException("Custom object '" + name + "': " + e.getCause(), e.getCause());
      }
    }
    return entry;
  }

  /**
   * The message for a class no lookup found: its names and the two ways to make it known, as Keras' "Could not
   * locate class" error says.
   */
  public static String notFound(String kind, String className, String registeredName) {
    String key = registeredName != null ? registeredName : className;
    int gt = key.indexOf('>');
    String pkg = gt < 0 ? "Custom" : key.substring(0, gt);
    String simple = gt < 0 ? key : key.substring(gt + 1);
    return "Could not locate " + kind + " '" + className + "'" + (registeredName == null
        || registeredName.equals(className) ? "" : " (registered name '" + registeredName + "')") + ". Register "
        + "it with KerasObjects.registerKerasSerializable(\"" + pkg + "\", \"" + simple + "\", " + simple
        + ".class, " + simple + "::fromConfig) (Keras' @register_keras_serializable(package=\"" + pkg + "\")), or "
        + "pass it by name: Models.loadModel(file, Map.of(\"" + key + "\", " + simple + ".class)) or "
        + "new CustomObjectScope(Map.of(...)) (Keras' custom_objects).";
  }
}
