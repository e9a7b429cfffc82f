package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.regularizers.Regularizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every regularizer keras4j registers: its penalty of given weights against real Keras 3.15.1
 * ({@code golden/regularizers/}, written by {@code tools/keras-reference/golden/golden_training.py}), the
 * regularizer read from the Keras config the case holds.
 */
class RegularizerGoldenTest {
  @TestFactory
  Stream<DynamicTest> penaltiesMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("regularizers")) {
      JsonNode doc = Golden.read(file);
      for (JsonNode c : doc.get("cases")) {
        String name = doc.get("class").asText() + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          Regularizer r = Regularizer.get(Golden.map(c.get("regularizer")));
          GoldenConfigs.assertSameConfig(Golden.map(c.get("regularizer").get("config")), r.getConfig(), name);
          Golden.assertClose(Golden.array(c.get("expected")),
              GoldenGraphEval.eval(List.of(Golden.array(c.get("x"))), t -> r.call(t.get(0))), 1e-5, 1e-5, name);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRegisteredRegularizerHasAGoldenFile() {
    List<String> golden = Golden.classes("regularizers");
    for (String cls : Regularizer.registry().classNames()) {
      assertTrue(golden.contains(cls), "no golden file for regularizer " + cls);
    }
    assertEquals(Regularizer.registry().classNames().size(), golden.size(), "golden files " + golden);
  }
}
