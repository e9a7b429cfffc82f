package io.keras4j.saving.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain Java values: objects as {@code LinkedHashMap} (keys in file order, a repeated key's
 * last value wins), arrays as {@code ArrayList}, strings, numbers ({@code Integer}, {@code Long} or
 * {@code BigInteger} by size for integers, {@code Double} otherwise), booleans and nulls; the values Jackson's
 * {@code ObjectMapper.readValue(json, Map.class)} gives.
 *
 * <p>Keras equivalent: Python's {@code json.loads} in {@code keras.src.saving.saving_lib.load_model}. Porting note:
 * it uses Jackson's streaming parser rather than its data binding, whose few hundred classes a fresh JVM would load
 * (and compile) to read one config: a third of a second of a {@code .keras} load. Jackson's parser limits apply
 * (nesting depth, string and number lengths).
 */
final class JsonValues {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /** The document's value; an empty document or a malformed one is an {@link IOException}. */
  static Object read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new JsonParseException(p, "No content: the JSON document is empty");
      }
      return value(p, first);
    }
  }

  /** The document's value, from text. */
  static Object read(String json) throws IOException {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> array(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonParseException(p, "Unexpected JSON token " + t);
    };
  }

  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
      String key = p.currentName();
      m.put(key, value(p, next(p)));
    }
    return m;
  }

  /** The next token; the end of the input inside an object or array is an error. */
  private static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonParseException(p, "Unexpected end of the JSON document");
    }
    return t;
  }

  private static List<Object> array(JsonParser p) throws IOException {
    List<Object> l = new ArrayList<>();
    for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
      l.add(value(p, t));
    }
    return l;
  }
}
