package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keywords added for Keras parity: SparseTopKCategoricalAccuracy's from_sorted_ids, MeanMetricWrapper's fn. */
class MetricKeywordsTest {
  @Test
  void sortedIdsAreSearchedInTheirFirstK() {
    // labels 3, 1, 0; sorted ids per sample: (3, 0, 2), (2, 0, 1), (1, 2, 0): hits within k=2: yes, no, no
    float[] ids = {3, 0, 2, 2, 0, 1, 1, 2, 0};
    float r = new MetricRun(new SparseTopKCategoricalAccuracy().k(2).fromSortedIds(true), Shape.of(3), Shape.of(3, 3))
        .batch(new float[] {3, 1, 0}, ids).result()[0];
    assertEquals(1.0 / 3, r, 1e-6);
    float all = new MetricRun(new SparseTopKCategoricalAccuracy().k(3).fromSortedIds(true), Shape.of(3),
        Shape.of(3, 3)).batch(new float[] {3, 1, 0}, ids).result()[0];
    assertEquals(1.0, all, 1e-6);
    SparseTopKCategoricalAccuracy m = new SparseTopKCategoricalAccuracy().fromSortedIds(true);
    assertEquals(true, m.getConfig().get("from_sorted_ids"));
    assertEquals(false, new SparseTopKCategoricalAccuracy().getConfig().containsKey("from_sorted_ids"));
  }

  @SuppressWarnings("unchecked")
  @Test
  void meanMetricWrapperOfAKerasFunction() {
    MeanMetricWrapper m = new MeanMetricWrapper("keras.losses.mean_squared_error");
    assertEquals("mean_squared_error", m.fnName());
    float r = new MetricRun(m, Shape.of(2, 2)).batch(new float[] {0, 1, 2, 3}, new float[] {1, 1, 2, 5}).result()[0];
    // per sample: (1 + 0) / 2 and (0 + 4) / 2
    assertEquals((0.5 + 2) / 2, r, 1e-6);
    Map<String, Object> fn = (Map<String, Object>) m.getConfig().get("fn");
    assertEquals("mean_squared_error", fn.get("config"));
    assertEquals("function", fn.get("class_name"));
    float acc = new MetricRun(MeanMetricWrapper.fromConfig(Map.of("fn", "binary_accuracy")), Shape.of(4))
        .batch(new float[] {0, 1, 1, 0}, new float[] {0.2f, 0.7f, 0.4f, 0.9f}).result()[0];
    assertEquals(0.5, acc, 1e-6);
  }

  @Test
  void meanMetricWrapperRefusesAnUnknownFunction() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MeanMetricWrapper("nope"));
    assertTrue(e.getMessage().contains("fn=nope"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("mean_metric_wrapper"));
    assertTrue(e.getMessage().contains("fn"), e.getMessage());
    assertEquals(List.of(), new MeanMetricWrapper("custom", (t, p) -> p).variables().stream()
        .filter(v -> !List.of("total", "count").contains(v.name())).toList());
  }
}
