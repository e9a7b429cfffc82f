package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Metrics built from Keras' config give Keras 3.15.1's own results on the batches of
 * {@code metrics_reference.json} (written by {@code tools/keras-reference/metrics_reference.py}).
 */
class KerasMetricsReferenceTest {
  @SuppressWarnings("unchecked")
  @TestFactory
  Stream<DynamicTest> resultsMatchKeras() throws IOException {
    Map<String, Object> table;
    try (InputStream in = getClass().getResourceAsStream("metrics_reference.json")) {
      table = new ObjectMapper().readValue(in, Map.class);
    }
    assertEquals("3.15.1", table.get("keras_version"));
    List<DynamicTest> tests = new ArrayList<>();
    for (Object o : (List<Object>) table.get("cases")) {
      Map<String, Object> c = (Map<String, Object>) o;
      tests.add(DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }
    assertTrue(tests.size() >= 20, "expected the reference cases; found " + tests.size());
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> c) {
    Metric m = Metrics.get(Map.of("class_name", c.get("class_name"), "config", c.get("config")));
    List<Map<String, Object>> batches = (List<Map<String, Object>>) c.get("batches");
    Map<String, Object> first = batches.get(0);
    Shape weightShape = null;
    for (Map<String, Object> b : batches) {
      if (b.containsKey("sample_weight")) {
        weightShape = shape(b.get("sample_weight"));
      }
    }
    MetricRun run = new MetricRun(m, shape(first.get("y_true")), shape(first.get("y_pred")));
    if (weightShape != null) {
      run.weights(weightShape);
    }
    for (Map<String, Object> b : batches) {
      float[] w = null;
      if (weightShape != null) {
        w = b.containsKey("sample_weight") ? values(b.get("sample_weight")) : ones((int) weightShape.size());
      }
      run.batch(values(b.get("y_true")), values(b.get("y_pred")), w);
    }
    float[] expected = values(c.get("result"));
    float[] ours = run.result();
    assertEquals(expected.length, ours.length, "result size");
    for (int i = 0; i < ours.length; i++) {
      assertEquals(expected[i], ours[i], 1e-5 + 1e-5 * Math.abs(expected[i]), c.get("name") + "[" + i + "]");
    }
  }

  @SuppressWarnings("unchecked")
  private static Shape shape(Object array) {
    List<Number> dims = (List<Number>) ((Map<String, Object>) array).get("shape");
    return Shape.of(dims.stream().mapToLong(Number::longValue).toArray());
  }

  @SuppressWarnings("unchecked")
  private static float[] values(Object array) {
    List<Number> v = (List<Number>) ((Map<String, Object>) array).get("values");
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i).floatValue();
    }
    return out;
  }

  private static float[] ones(int n) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, 1);
    return out;
  }
}
