package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.constraints.NonNeg;
import io.keras4j.regularizers.L2;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** BatchNormalization, LayerNormalization, GroupNormalization and Normalization: Keras 3.15.1's keys and defaults. */
class NormalizationConfigTest {
  private static TreeSet<String> keys(String... own) {
    TreeSet<String> k = new TreeSet<>(List.of("name", "trainable", "dtype", "epsilon", "center", "scale",
        "beta_initializer", "gamma_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
        "gamma_constraint"));
    k.addAll(List.of(own));
    return k;
  }

  private static Object className(Object serialized) {
    return ((Map<?, ?>) serialized).get("class_name");
  }

  @Test
  void batchNormalizationKeysAndDefaults() {
    Map<String, Object> c = new BatchNormalization().getConfig();
    assertEquals(keys("axis", "momentum", "moving_mean_initializer", "moving_variance_initializer", "synchronized",
        "renorm", "renorm_clipping", "renorm_momentum"), new TreeSet<>(c.keySet()));
    // keras.layers.BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, ...)
    assertEquals(-1, c.get("axis"));
    assertEquals(0.99, c.get("momentum"));
    assertEquals(0.001, c.get("epsilon"));
    assertEquals(true, c.get("center"));
    assertEquals(true, c.get("scale"));
    assertEquals("Zeros", className(c.get("beta_initializer")));
    assertEquals("Ones", className(c.get("gamma_initializer")));
    assertEquals("Zeros", className(c.get("moving_mean_initializer")));
    assertEquals("Ones", className(c.get("moving_variance_initializer")));
    assertNull(c.get("gamma_regularizer"));
    assertEquals(false, c.get("synchronized"));
    assertEquals(false, c.get("renorm"));
    assertEquals(0.99, c.get("renorm_momentum"));
  }

  @Test
  void batchNormalizationReadsEverySetting() {
    BatchNormalization b = new BatchNormalization().axis(1).momentum(0.9).epsilon(1e-5).center(false).scale(false)
        .betaInitializer("ones").gammaInitializer("zeros").movingMeanInitializer("ones")
        .movingVarianceInitializer("zeros").betaRegularizer(new L2(0.5)).gammaRegularizer("l1")
        .betaConstraint(new NonNeg()).gammaConstraint("max_norm").synchronize(true);
    Map<String, Object> again = BatchNormalization.fromConfig(b.getConfig()).getConfig();
    assertEquals(EveryConfig.json(b.getConfig()), EveryConfig.json(again));
    assertEquals(1, again.get("axis"));
    assertEquals(0.9, again.get("momentum"));
    assertEquals(1e-5, again.get("epsilon"));
    assertEquals("Ones", className(again.get("moving_mean_initializer")));
    assertEquals("L2", className(again.get("beta_regularizer")));
    assertEquals("NonNeg", className(again.get("beta_constraint")));
    assertEquals("MaxNorm", className(again.get("gamma_constraint")));
    assertEquals(true, again.get("synchronized"));
  }

  @Test
  void batchRenormalizationIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchNormalization.fromConfig(Map.of("renorm", true)));
    assertTrue(e.getMessage().contains("renorm=true"), e.getMessage());
  }

  @Test
  void layerAndGroupNormalizationKeysAndDefaults() {
    Map<String, Object> ln = new LayerNormalization().getConfig();
    assertEquals(keys("axis", "rms_scaling"), new TreeSet<>(ln.keySet()));
    assertEquals(false, ln.get("rms_scaling"));
    assertEquals(0.001, ln.get("epsilon"));
    Map<String, Object> gn = new GroupNormalization().getConfig();
    assertEquals(keys("axis", "groups"), new TreeSet<>(gn.keySet()));
    assertEquals(32, gn.get("groups"));
    assertEquals(-1, gn.get("axis"));
    // Keras writes LayerNormalization's axis as a list when given one
    LayerNormalization l = LayerNormalization.fromConfig(Map.of("axis", List.of(1), "gamma_regularizer",
        Map.of("class_name", "L2", "config", Map.of("l2", 0.25))));
    assertEquals(1, l.getConfig().get("axis"));
    assertEquals(0.25, ((Map<?, ?>) ((Map<?, ?>) l.getConfig().get("gamma_regularizer")).get("config")).get("l2"));
  }

  @Test
  void layerNormalizationRmsScalingDividesByTheStandardDeviation() {
    // x = (1, 3): variance 1, no centring, gamma 1: x / sqrt(1 + 0) = (1, 3)
    LayerNormalization l = new LayerNormalization().rmsScaling(true).epsilon(0);
    l.apply(Input.of(2));
    assertEquals(List.of("gamma"), l.weights().stream().map(v -> v.name()).toList());
    float[] y = GraphFixture.eval1(new float[] {1, 3}, Shape.of(1, 2), x -> l.apply(x, false));
    assertArrayEquals(new float[] {1, 3}, y, 1e-6f);
  }

  @Test
  void normalizationWithGivenMeanAndVariance() {
    // (x - 1) / sqrt(4): 3 -> 1, 5 -> 2
    Normalization n = new Normalization().mean(1).variance(4);
    Map<String, Object> c = n.getConfig();
    assertEquals(List.of(-1), EveryConfig.list(c.get("axis")));
    assertEquals(List.of(1.0), EveryConfig.list(c.get("mean")));
    assertEquals(false, c.get("invert"));
    n.apply(Input.of(2));
    assertArrayEquals(new float[] {1, 2}, GraphFixture.eval1(new float[] {3, 5}, Shape.of(1, 2),
        x -> n.apply(x, false)), 1e-6f);
    Normalization inverse = Normalization.fromConfig(Map.of("mean", List.of(1, 1), "variance", List.of(4, 4),
        "invert", true));
    inverse.apply(Input.of(2));
    assertArrayEquals(new float[] {3, 5}, GraphFixture.eval1(new float[] {1, 2}, Shape.of(1, 2),
        x -> inverse.apply(x, false)), 1e-6f);
  }
}
