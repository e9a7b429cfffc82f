package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MultiHeadAttention: the harness (finite-difference gradients through the fused and the einsum paths, masks,
 * causal, gate, attention axes; a training step), Keras' sublayer weights and shapes, output and score shapes,
 * config and errors. Keras' numbers are in AttentionGoldenTest and the mha_* training golden files.
 */
class MultiHeadAttentionTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new SelfAttention(new MultiHeadAttention(2, 3))).input(3, 4).output(-1, 3, 4)
        .weights(8, 0).run();
    LayerHarness.of(() -> new SelfAttention(new MultiHeadAttention(2, 2).useCausalMask(true).useGate(true)
        .returnAttentionScores(true))).input(3, 4).output(-1, 3, 4).weights(10, 0).run();
    LayerHarness.of(() -> new SelfAttention(new MultiHeadAttention(2, 2).outputShape(5),
        (x, a) -> AttentionTest.withMask(x, a, "value_mask"))).input(4, 3).output(-1, 4, 5).weights(8, 0).run();
    LayerHarness.of(() -> new SelfAttention(new MultiHeadAttention(2, 2).attentionAxes(1, 2).useBias(false)))
        .input(2, 3, 4).output(-1, 2, 3, 4).weights(4, 0).run();
  }

  @Test
  void weightsAreKerasSublayersInKerasOrderAndShapes() {
    MultiHeadAttention m = new MultiHeadAttention(2, 3).valueDim(5);
    KerasTensor y = m.apply(Input.of(4, 6), Input.of(7, 8), Input.of(7, 9));
    assertEquals(Shape.of(-1, 4, 6), y.shape());
    List<Variable> w = m.weights();
    List<Shape> shapes = w.stream().map(Variable::shape).toList();
    assertEquals(List.of(Shape.of(6, 2, 3), Shape.of(2, 3), Shape.of(9, 2, 3), Shape.of(2, 3), Shape.of(8, 2, 5),
        Shape.of(2, 5), Shape.of(2, 5, 6), Shape.of(6)), shapes);
    assertEquals("query", m.queryDense().name());
    assertEquals("attention_output", m.outputDense().name());
    assertEquals(List.of("query_dense", "key_dense", "value_dense", "output_dense", "dropout_layer"),
        List.copyOf(m.nestedSaveables().keySet()));
  }

  @Test
  void outputShapeAndScoresFollowKeras() {
    MultiHeadAttention m = new MultiHeadAttention(3, 2).outputShape(2, 5).returnAttentionScores(true);
    List<KerasTensor> out = m.apply(List.of(Input.of(4, 6), Input.of(7, 6)));
    assertEquals(Shape.of(-1, 4, 2, 5), out.get(0).shape());
    assertEquals(Shape.of(-1, 3, 4, 7), out.get(1).shape());
    MultiHeadAttention axes = new MultiHeadAttention(2, 2).attentionAxes(2).returnAttentionScores(true);
    List<KerasTensor> a = axes.apply(List.of(Input.of(3, 4, 6), Input.of(3, 5, 6)));
    assertEquals(Shape.of(-1, 3, 2, 4, 5), a.get(1).shape());
  }

  @Test
  void configHasKerasKeysResolvesAxesAtBuildAndRoundTrips() {
    MultiHeadAttention m = new MultiHeadAttention(2, 4).dropout(0.1).outputShape(3).seed(9)
        .kernelRegularizer("l2").activityRegularizer("l1");
    assertNull(m.getConfig().get("attention_axes"));
    m.apply(Input.of(5, 6), Input.of(5, 6));
    Map<String, Object> c = m.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "num_heads", "key_dim", "value_dim", "dropout", "use_bias",
        "use_gate", "output_shape", "attention_axes", "sliding_window", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint",
        "seed"), List.copyOf(c.keySet()));
    assertEquals(List.of(1), c.get("attention_axes"));
    assertEquals(4, c.get("value_dim"));
    assertEquals(List.of(3), c.get("output_shape"));
    MultiHeadAttention back = MultiHeadAttention.fromConfig(c);
    back.apply(Input.of(5, 6), Input.of(5, 6));
    assertEquals(c.keySet(), back.getConfig().keySet());
    assertNull(back.activityRegularizer(), "the activity regularizer applies to the projections, as in Keras");
    assertTrue(back.queryDense().activityRegularizer() != null);
  }

  @Test
  void invalidArgumentsAreRefusedWithKerasMessages() {
    var e = assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(0, 2));
    assertTrue(e.getMessage().contains("num_heads=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(2, -1));
    assertTrue(e.getMessage().contains("key_dim=-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(2, 2).slidingWindow(0));
    assertTrue(e.getMessage().contains("sliding_window=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MultiHeadAttention(2, 2).apply(Input.of(3, 4), Input.of(5, 4), Input.of(6, 4)));
    assertTrue(e.getMessage().contains("must be equal"), e.getMessage());
  }
}
