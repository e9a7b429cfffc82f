package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attention: the harness (finite-difference gradients through dot and concat scores, causal and masked, and a
 * training step), a case worked by hand, shapes, config and errors. Keras' numbers are in AttentionGoldenTest.
 */
class AttentionTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new SelfAttention(new Attention())).input(3, 2).output(-1, 3, 2).weights(0, 0).run();
    LayerHarness.of(() -> new SelfAttention(new Attention().useScale(true).useCausalMask(true))).input(3, 2)
        .output(-1, 3, 2).weights(1, 0).run();
    LayerHarness.of(() -> new SelfAttention(new Attention().scoreMode("concat").useScale(true),
        (x, a) -> withMask(x, a, "value_mask"))).input(4, 2).output(-1, 4, 2).weights(2, 0).run();
  }

  /** A value mask true where the first feature is positive, and always at step 0. */
  static Map<String, Tensor> withMask(Tensor x, Map<String, Tensor> args, String name) {
    var ops = Layer.ops();
    Tensor first = ops.squeeze(ops.slice(x, new int[] {0, 0, 0}, new int[] {-1, -1, 1}), -1);
    Tensor positive = ops.greater(first, ops.constant(0f));
    Tensor step0 = ops.equal(ops.cumsum(ops.onesLike(first), 1), ops.constant(1f));
    args.put(name, ops.logicalOr(positive, step0));
    return args;
  }

  @Test
  void dotScoresSoftmaxAndMasksAsWorkedByHand() {
    // query (1, 1, 2) = [1, 0]; value (1, 3, 2) = [[1, 0], [0, 1], [2, 2]]: scores [1, 0, 2]
    float[] q = {1, 0};
    float[] v = {1, 0, 0, 1, 2, 2};
    float[] out = GraphFixture.eval(List.of(q, v), List.of(Shape.of(1, 1, 2), Shape.of(1, 3, 2)),
        ts -> new Attention().applyAll(Map.of("query", ts.get(0), "value", ts.get(1)), false)).get(0);
    double e1 = Math.exp(1);
    double e0 = 1;
    double e2 = Math.exp(2);
    double s = e1 + e0 + e2;
    assertArrayEquals(new float[] {(float) ((e1 + 2 * e2) / s), (float) ((e0 + 2 * e2) / s)}, out, 1e-6f);
    // masking the last value step: softmax over [1, 0] only
    float[] masked = GraphFixture.eval(List.of(q, v, new float[] {1, 1, 0}),
        List.of(Shape.of(1, 1, 2), Shape.of(1, 3, 2), Shape.of(1, 3)),
        ts -> new Attention().applyAll(Map.of("query", ts.get(0), "value", ts.get(1), "value_mask", ts.get(2)),
            false)).get(0);
    assertArrayEquals(new float[] {(float) (e1 / (e1 + e0)), (float) (e0 / (e1 + e0))}, masked, 1e-6f);
  }

  @Test
  void returnsScoresAndKeepsTheQueryMaskAsKerasShapes() {
    KerasTensor q = Input.of(3, 4);
    KerasTensor v = Input.of(5, 2);
    KerasTensor k = Input.of(5, 4);
    List<KerasTensor> out = new Attention().returnAttentionScores(true).apply(List.of(q, v, k));
    assertEquals(Shape.of(-1, 3, 2), out.get(0).shape());
    assertEquals(Shape.of(-1, 3, 5), out.get(1).shape());
    Attention masked = new Attention();
    List<KerasTensor> one = masked.apply(List.of(q, k), Arrays.asList(Input.of(3), null));
    assertEquals(1, one.size());
    assertEquals(3, masked.inboundNodes().get(0).inputs().size(), "query, value, query_mask");
  }

  @Test
  void configHasKerasKeysAndRoundTrips() {
    Attention a = new Attention().useScale(true).scoreMode("concat").dropout(0.25).seed(4).name("att");
    Map<String, Object> c = a.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "use_scale", "score_mode", "dropout", "seed"),
        List.copyOf(c.keySet()));
    Attention back = Attention.fromConfig(c);
    assertEquals(c, back.getConfig());
    assertTrue(back.useScale());
    assertEquals("concat", back.scoreMode());
  }

  @Test
  void invalidArgumentsAreRefusedWithKerasMessages() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Attention().scoreMode("add"));
    assertTrue(e.getMessage().contains("Received: score_mode=add"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Attention().dropout(1.5));
    assertTrue(e.getMessage().contains("dropout=1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Attention().apply(List.of(Input.of(3, 2))));
    assertTrue(e.getMessage().contains("Received length: 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Attention().apply(Map.of("query", Input.of(3, 2), "values", Input.of(3, 2))));
    assertTrue(e.getMessage().contains("values"), e.getMessage());
    Attention once = new Attention();
    once.apply(List.of(Input.of(3, 2), Input.of(4, 2)));
    assertThrows(IllegalStateException.class,
        () -> once.apply(List.of(Input.of(3, 2), Input.of(4, 2)), Arrays.asList(null, Input.of(4))));
  }
}
