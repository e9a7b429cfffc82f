package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every activation case that real Keras 3.15.1 wrote ({@code tools/keras-reference/golden/golden_activations.py}):
 * {@code keras.activations.<name>(x, **kwargs)} against keras4j's {@link Activations} (the registered function for
 * no keywords, the overload taking them otherwise), at atol 1e-5, rtol 1e-5.
 */
class ActivationGoldenTest {
  private static final double ATOL = 1e-5;
  private static final double RTOL = 1e-5;

  /** Registered activations without a golden file, and why (none). */
  static final Map<String, String> SKIPPED = Map.of();

  @TestFactory
  Stream<DynamicTest> activations() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("activations")) {
      JsonNode doc = Golden.read(file);
      String name = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String id = name + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, name, c)));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRegisteredActivationHasAGoldenFileOrAReason() {
    List<String> golden = Golden.classes("activations");
    TreeSet<String> missing = new TreeSet<>();
    for (String name : Activations.names()) {
      if (!golden.contains(name) && !SKIPPED.containsKey(name)) {
        missing.add(name);
      }
    }
    assertTrue(missing.isEmpty(), "activations without a golden file in golden/activations: " + missing);
  }

  private static void check(String id, String name, JsonNode c) {
    NDArray x = Golden.array(c.get("inputs").get(0));
    NDArray expected = Golden.array(c.get("outputs").get(0));
    UnaryOperator<Tensor> fn = function(id, name, c.get("kwargs"));
    float[] y = GraphFixture.eval1(x.toFloatArray(), Shape.of(x.shape()), fn);
    Golden.assertClose(expected, NDArray.of(y, x.shape()), ATOL, RTOL, id);
  }

  /** keras4j's function for Keras' {@code name(x, **kwargs)}. */
  private static UnaryOperator<Tensor> function(String id, String name, JsonNode kw) {
    if (kw == null || kw.isEmpty()) {
      return t -> Activations.get(name).apply(t);
    }
    return switch (name) {
      case "relu" -> t -> Activations.relu(t, kw.path("negative_slope").asDouble(0.0),
          kw.has("max_value") ? kw.get("max_value").asDouble() : null, kw.path("threshold").asDouble(0.0));
      case "leaky_relu" -> t -> Activations.leakyRelu(t, kw.path("negative_slope").asDouble(0.2));
      case "elu" -> t -> Activations.elu(t, kw.path("alpha").asDouble(1.0));
      case "softmax" -> t -> Activations.softmax(t, kw.path("axis").asInt(-1));
      case "log_softmax" -> t -> Activations.logSoftmax(t, kw.path("axis").asInt(-1));
      case "gelu" -> t -> Activations.gelu(t, kw.path("approximate").asBoolean(false));
      default -> {
        fail(id + ": keras4j has no overload taking " + kw);
        yield null;
      }
    };
  }
}
