package io.keras4j.saving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("module", registered == null ? k.kerasModule() : null);
    out.put("class_name", k.kerasClassName());
    out.put("config", k.getConfig());
    out.put("registered_name", registered);
    return out;
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

  /** Whether {@code name} (a "package>name" or a bare name) is a registered custom class. */
  public static boolean isRegistered(String name) {
    return CUSTOM.containsKey(name);
  }

  /** The custom object {@code name} configured by {@code config}, or null when {@code name} is not registered. */
  static Object custom(String name, Map<String, Object> config) {
    Function<Map<String, Object>, ?> reader = CUSTOM.get(name);
    return reader == null ? null : reader.apply(config == null ? Map.of() : config);
  }
}
