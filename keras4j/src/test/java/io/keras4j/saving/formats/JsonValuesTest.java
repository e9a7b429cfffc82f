package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValuesTest {
  @Test
  void valuesHaveTheTypesOfJacksonsDataBinding() throws IOException {
    Object v = JsonValues.read("{\"a\": 1, \"b\": 3000000000, \"c\": 1.5, \"big\": 123456789012345678901234567890,"
        + " \"d\": [true, false, null, \"x\", -2e-3], \"e\": {}, \"a\": 7}");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of("a", "b", "c", "big", "d", "e"), new ArrayList<>(m.keySet())); // file order, a kept first
    assertEquals(Integer.valueOf(7), m.get("a")); // the repeated key's last value
    assertEquals(Long.valueOf(3_000_000_000L), m.get("b"));
    assertEquals(Double.valueOf(1.5), m.get("c"));
    assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
    assertEquals(Arrays.asList(true, false, null, "x", -0.002), m.get("d"));
    assertEquals(Map.of(), m.get("e"));
  }

  /** A Keras-written config.json reads as Jackson's data binding reads it (the reader it replaces). */
  @Test
  void kerasConfigEqualsDataBinding() throws IOException {
    byte[] config = entry("/io/keras4j/saving/graph/nested.keras", "config.json");
    assertEquals(new ObjectMapper().readValue(config, Map.class), JsonValues.read(config));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{\"a\": [1, 2", "{\"a\" 1}", "[1, 2,]", "{\"a\": NaN}"})
  void malformedDocumentsAreIoErrors(String json) {
    assertThrows(IOException.class, () -> JsonValues.read(json));
  }

  private static byte[] entry(String resource, String name) throws IOException {
    try (InputStream in = JsonValuesTest.class.getResourceAsStream(resource);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          return zip.readAllBytes();
        }
      }
    }
    throw new IllegalStateException(resource + " lacks " + name + " " + StandardCharsets.UTF_8);
  }
}
