package io.keras4j.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Helpers of the config tests: a config as JSON text, a config value as a list. */
final class EveryConfig {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EveryConfig() {}

  /** {@code o} as JSON, so that int[] and List, float and double compare alike. */
  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A config value (a Java array or a list) as a list, as JSON would read it. */
  static List<?> list(Object value) {
    return JSON.convertValue(value, List.class);
  }
}
