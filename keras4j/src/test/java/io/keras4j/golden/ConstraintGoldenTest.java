package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.constraints.Constraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every constraint keras4j registers: the weights it projects against real Keras 3.15.1
 * ({@code golden/constraints/}, written by {@code tools/keras-reference/golden/golden_training.py}), the
 * constraint read from the Keras config the case holds.
 */
class ConstraintGoldenTest {
  @TestFactory
  Stream<DynamicTest> projectionsMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("constraints")) {
      JsonNode doc = Golden.read(file);
      for (JsonNode c : doc.get("cases")) {
        String name = doc.get("class").asText() + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          Constraint r = Constraint.get(Golden.map(c.get("constraint")));
          GoldenConfigs.assertSameConfig(Golden.map(c.get("constraint").get("config")), r.getConfig(), name);
          Golden.assertClose(Golden.array(c.get("expected")),
              GoldenGraphEval.eval(List.of(Golden.array(c.get("x"))), t -> r.call(t.get(0))), 1e-5, 1e-5, name);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRegisteredConstraintHasAGoldenFile() {
    List<String> golden = Golden.classes("constraints");
    for (String cls : Constraint.registry().classNames()) {
      assertTrue(golden.contains(cls), "no golden file for constraint " + cls);
    }
    assertEquals(Constraint.registry().classNames().size(), golden.size(), "golden files " + golden);
  }
}
