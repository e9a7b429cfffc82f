package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every metric keras4j registers, built from the config Keras 3.15.1 wrote, gives Keras' {@code result()} after each
 * batch of {@code golden/metrics/<ClassName>.json}, and again after {@code reset_state} and one more batch, and
 * keeps Keras' state variables (names, shapes, dtypes, order). Generator:
 * {@code tools/keras-reference/golden/golden_metrics.py}.
 */
class MetricGoldenTest {
  private static final double ATOL = 1e-5;
  private static final double RTOL = 1e-5;

  /** Registered metric classes without a golden file, each with the reason. */
  private static final Map<String, String> SKIPPED = Map.of();

  @TestFactory
  Stream<DynamicTest> resultsMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("metrics")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        tests.add(DynamicTest.dynamicTest(cls + "/" + c.get("name").asText(), () -> replay(cls, c)));
      }
    }
    assertTrue(tests.size() > 100, "expected the golden metric cases; found " + tests.size());
    return tests.stream();
  }

  @Test
  void everyRegisteredMetricHasAGoldenFile() {
    Set<String> missing = new TreeSet<>(Metrics.registry().classNames());
    missing.removeAll(Golden.classes("metrics"));
    missing.removeAll(SKIPPED.keySet());
    assertEquals(Set.of(), missing, "registered metrics without golden/metrics/<ClassName>.json");
  }

  private static void replay(String cls, JsonNode c) {
    Metric m = Metrics.get(Map.of("class_name", cls, "config", Golden.map(c.get("config"))));
    List<JsonNode> batches = new ArrayList<>();
    c.get("batches").forEach(batches::add);
    JsonNode first = batches.get(0);
    Shape trueShape = shape(first.get("y_true"));
    Shape predShape = shape(first.get("y_pred"));
    Shape weightShape = first.has("sample_weight") ? shape(first.get("sample_weight")) : null;
    boolean valuesOnly = c.path("values_only").asBoolean(false);
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction update = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor t = ops.placeholder("float32", trueShape);
        Tensor p = ops.placeholder("float32", predShape);
        Tensor w = weightShape == null ? null : ops.placeholder("float32", weightShape);
        m.updateState(valuesOnly ? p : t, p, w);
        return List.of();
      });
      TracedFunction result = g.trace(() -> List.of(m.result()));
      for (int i = 0; i < batches.size(); i++) {
        feed(update, batches.get(i), trueShape, predShape, weightShape);
        check(result, c.get("results").get(i), cls + "/" + c.get("name").asText() + " after batch " + i);
      }
      checkVariables(m, c.get("variables"), cls + "/" + c.get("name").asText());
      m.resetState();
      feed(update, c.get("reset_batch"), trueShape, predShape, weightShape);
      check(result, c.get("reset_result"), cls + "/" + c.get("name").asText() + " after reset_state");
    }
  }

  /** The state variables, in order, with Keras' names, shapes and dtypes. */
  private static void checkVariables(Metric m, JsonNode expected, String what) {
    List<String> keras = new ArrayList<>();
    for (JsonNode v : expected) {
      keras.add(v.get("name").asText() + " " + shape(v) + " " + v.get("dtype").asText());
    }
    List<String> ours = new ArrayList<>();
    for (Variable v : m.variables()) {
      ours.add(v.name() + " " + v.shape() + " " + v.dtype());
    }
    assertEquals(keras, ours, what + ": state variables");
  }

  private static void feed(TracedFunction update, JsonNode batch, Shape t, Shape p, Shape w) {
    List<NativeArray> feeds = new ArrayList<>();
    feeds.add(Backend.array(floats(batch.get("y_true")), t));
    feeds.add(Backend.array(floats(batch.get("y_pred")), p));
    if (w != null) {
      feeds.add(Backend.array(floats(batch.get("sample_weight")), w));
    }
    try {
      update.call(feeds);
    } finally {
      feeds.forEach(NativeArray::close);
    }
  }

  private static void check(TracedFunction result, JsonNode expected, String what) {
    NDArray keras = Golden.array(expected);
    float[] ours;
    try (NativeArray r = result.call(List.of()).get(0)) {
      ours = r.toFloatArray();
    }
    Golden.assertClose(keras, NDArray.of(ours, keras.shape()), ATOL, RTOL, what);
  }

  private static Shape shape(JsonNode array) {
    long[] dims = new long[array.get("shape").size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = array.get("shape").get(i).asLong();
    }
    return Shape.of(dims);
  }

  private static float[] floats(JsonNode array) {
    return Golden.array(array).astype("float32").toFloatArray();
  }
}
