package io.keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of a Keras layer config (snake_case keys, JSON-like values), with Keras' defaults.
 *
 * <p>Values are what a JSON or Python-literal reader produces: Number, String, Boolean, null, List, Map.
 */
public final class LayerConfig {
  private final String className;
  private final Map<String, Object> config;

  public LayerConfig(String className, Map<String, Object> config) {
    this.className = className;
    this.config = config;
  }

  public boolean has(String key) {
    return config.containsKey(key) && config.get(key) != null;
  }

  public Object get(String key) {
    return config.get(key);
  }

  private IllegalArgumentException bad(String key, String expected) {
    return new IllegalArgumentException(className + " config: `" + key + "` should be " + expected + ". Received: "
        + key + "=" + config.get(key));
  }

  public int integer(String key, Integer fallback) {
    Object v = config.get(key);
    if (v == null) {
      if (fallback == null) {
        throw new IllegalArgumentException(className + " config lacks the required `" + key + "`. Received: " + config);
      }
      return fallback;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof List<?> l && l.size() == 1 && l.get(0) instanceof Number n) {
      return n.intValue();
    }
    throw bad(key, "an integer");
  }

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

  public Double optionalNumber(String key) {
    Object v = config.get(key);
    return v == null ? null : number(key, 0);
  }

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

  /** An int, or a list of ints, as an int array; null when absent and {@code fallback} is null. */
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

  /**
   * Keras' padding and cropping forms for {@code rank} axes: an int, a list of ints (one per axis, or (left, right)
   * for rank 1), or a list of (before, after) pairs.
   */
  public int[][] pairs(String key, int rank, int fallback) {
    Object v = config.get(key);
    if (v == null) {
      return SpatialPads.of(key, rank, fallback);
    }
    if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof List<?>) {
      int[][] p = new int[l.size()][];
      for (int i = 0; i < p.length; i++) {
        List<?> pair = (List<?>) l.get(i);
        p[i] = new int[] {((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).intValue()};
      }
      return SpatialPads.check(key, p);
    }
    return SpatialPads.of(key, rank, ints(key, null));
  }

  /** An identifier (a string, or a nested {@code {"class_name": ...}} config reduced to its registered name). */
  public Object identifier(String key, Object fallback) {
    Object v = config.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String s) {
      return io.keras4j.utils.Names.toSnakeCase(s);
    }
    return v;
  }
}
