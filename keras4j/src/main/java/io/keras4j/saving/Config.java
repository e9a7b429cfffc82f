package io.keras4j.saving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one Keras config dictionary (snake_case keys, JSON-like values), with Keras' defaults.
 *
 * <p>Keras equivalent: the {@code config} dict that {@code from_config(config)} receives. Values are what a JSON
 * reader produces: Number, String, Boolean, null, List, Map. Every error names the class and the key.
 * <pre>{@code
 * public static Dense fromConfig(Map<String, Object> config) {
 *   Config c = new Config("Dense", config);
 *   return new Dense(c.integer("units")).useBias(c.bool("use_bias", true));
 * }
 * }</pre>
 */
public final class Config {
  private final String className;
  private final Map<String, Object> config;

  /** The config of a {@code className} object; {@code config} may be null (an empty config). */
  public Config(String className, Map<String, Object> config) {
    this.className = className;
    this.config = config == null ? Map.of() : config;
  }

  /** The class name the config belongs to, for messages. */
  public String className() {
    return className;
  }

  /** The whole dictionary, unchanged. */
  public Map<String, Object> asMap() {
    return config;
  }

  /** Whether {@code key} is present with a non-null value. */
  public boolean has(String key) {
    return config.get(key) != null;
  }

  /** The raw value of {@code key}, or null. */
  public Object get(String key) {
    return config.get(key);
  }

  private IllegalArgumentException bad(String key, String expected) {
    return new IllegalArgumentException(className + " config: `" + key + "` should be " + expected + ". Received: "
        + key + "=" + config.get(key));
  }

  /** A required integer (a one-element list is accepted, as Keras writes some tuples). */
  public int integer(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(className + " config lacks the required `" + key + "`. Received: "
          + config);
    }
    return integer(key, 0);
  }

  /** An integer, or {@code fallback} when absent or null. */
  public int integer(String key, int fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (v instanceof List<?> l && l.size() == 1 && l.get(0) instanceof Number n) {
      return n.intValue();
    }
    throw bad(key, "an integer");
  }

  /** An integer or null. */
  public Integer optionalInteger(String key) {
    return has(key) ? integer(key, 0) : null;
  }

  /** A long or null (seeds). */
  public Long optionalLong(String key) {
    Object v = config.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw bad(key, "an integer");
  }

  /** A required number; the error names the class and the key. */
  public double number(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(className + " config lacks the required `" + key + "`. Received: "
          + config);
    }
    return number(key, 0);
  }

  /** A number, or {@code fallback} when absent or null. */
  public double number(String key, double fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw bad(key, "a number");
  }

  /** A number or null. */
  public Double optionalNumber(String key) {
    return has(key) ? number(key, 0) : null;
  }

  /** A boolean, or {@code fallback} when absent or null. */
  public boolean bool(String key, boolean fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw bad(key, "true or false");
  }

  /** A string, or {@code fallback} when absent or null. */
  public String string(String key, String fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, "a string");
  }

  /** An int or a list of ints as an int array; {@code fallback} (may be null) when absent. */
  public int[] ints(String key, int[] fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return new int[] {n.intValue()};
    }
    if (v instanceof List<?> l) {
      int[] out = new int[l.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(l.get(i) instanceof Number n)) {
          throw bad(key, "integers");
        }
        out[i] = n.intValue();
      }
      return out;
    }
    throw bad(key, "an integer or a list of integers");
  }

  /** A list of numbers as doubles; {@code fallback} (may be null) when absent. */
  public double[] numbers(String key, double[] fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return new double[] {n.doubleValue()};
    }
    if (v instanceof List<?> l) {
      double[] out = new double[l.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(l.get(i) instanceof Number n)) {
          throw bad(key, "numbers");
        }
        out[i] = n.doubleValue();
      }
      return out;
    }
    throw bad(key, "a number or a list of numbers");
  }

  /** A nested dictionary, or null when absent. */
  public Map<String, Object> map(String key) {
    Object v = config.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      return asStringMap(m);
    }
    throw bad(key, "a dictionary");
  }

  /** {@code m} with its keys as strings. */
  public static Map<String, Object> asStringMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /**
   * An identifier: a string as it is, or a serialized {@code {"class_name": ...}} object reduced to its snake-case
   * name (how Keras 2 files write activations); {@code fallback} when absent.
   */
  public String identifier(String key, String fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map<?, ?> m && "function".equals(m.get("class_name")) && m.get("config") instanceof String fn) {
      // Keras 3's serialized function; a registered custom one is written with config "package>name"
      return fn;
    }
    if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String s) {
      return io.keras4j.utils.Names.toSnakeCase(s);
    }
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, "a name");
  }
}
