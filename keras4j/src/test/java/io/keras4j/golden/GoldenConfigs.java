package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares a keras4j {@code getConfig()} with the config Keras wrote: the same keys, the same values. */
final class GoldenConfigs {
  private GoldenConfigs() {}

  /** Asserts equal configs, numbers compared by value (Keras' 2 equals keras4j's 2.0). */
  static void assertSameConfig(Map<String, Object> keras, Map<String, Object> keras4j, String what) {
    assertEquals(normal(keras), normal(keras4j), what + ": getConfig() against Keras' get_config()");
  }

  @SuppressWarnings("unchecked")
  private static Object normal(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), normal(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(GoldenConfigs::normal).toList();
    }
    if (v instanceof double[] d) {
      return java.util.Arrays.stream(d).boxed().toList();
    }
    if (v instanceof long[] d) {
      return java.util.Arrays.stream(d).mapToDouble(x -> x).boxed().toList();
    }
    if (v instanceof int[] d) {
      return java.util.Arrays.stream(d).mapToDouble(x -> x).boxed().toList();
    }
    return v;
  }
}
