package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AdditiveAttention: the harness (finite-difference gradients with and without the scale, causal and masked, a
 * training step), scores worked by hand, weight shape, config. Keras' numbers are in AttentionGoldenTest.
 */
class AdditiveAttentionTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new SelfAttention(new AdditiveAttention())).input(3, 2).output(-1, 3, 2).weights(1, 0).run();
    LayerHarness.of(() -> new SelfAttention(new AdditiveAttention().useScale(false).useCausalMask(true),
        (x, a) -> AttentionTest.withMask(x, a, "query_mask"))).input(3, 2).output(-1, 3, 2).weights(0, 0).run();
  }

  @Test
  void scoresAreSumsOfTanhAsWorkedByHand() {
    // query [0.5, -1], value steps [1, 0] and [0, 2]: scores tanh(1.5) + tanh(-1), tanh(0.5) + tanh(1)
    float[] out = GraphFixture.eval(List.of(new float[] {0.5f, -1}, new float[] {1, 0, 0, 2}),
        List.of(Shape.of(1, 1, 2), Shape.of(1, 2, 2)),
        ts -> new AdditiveAttention().useScale(false).applyAll(Map.of("query", ts.get(0), "value", ts.get(1)),
            false)).get(0);
    double s0 = Math.tanh(1.5) + Math.tanh(-1);
    double s1 = Math.tanh(0.5) + Math.tanh(1);
    double w0 = Math.exp(s0) / (Math.exp(s0) + Math.exp(s1));
    assertArrayEquals(new float[] {(float) w0, (float) (2 * (1 - w0))}, out, 1e-6f);
  }

  @Test
  void scaleHasTheQueryDimAndConfigHasKerasKeys() {
    AdditiveAttention a = new AdditiveAttention();
    a.apply(List.of(Input.of(3, 5), Input.of(4, 5)));
    assertEquals(Shape.of(5), a.weights().get(0).shape());
    assertEquals("scale", a.weights().get(0).name());
    Map<String, Object> c = a.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "use_scale", "dropout", "seed"), List.copyOf(c.keySet()));
    assertTrue((Boolean) c.get("use_scale"));
    assertEquals(c, AdditiveAttention.fromConfig(c).getConfig());
  }
}
