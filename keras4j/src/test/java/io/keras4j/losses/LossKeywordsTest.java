package io.keras4j.losses;

import static io.keras4j.losses.LossesTest.P;
import static io.keras4j.losses.LossesTest.S;
import static io.keras4j.losses.LossesTest.T;
import static io.keras4j.losses.LossesTest.bce;
import static io.keras4j.losses.LossesTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.saving.KerasObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyword arguments of the losses (axis, delta, reduction, name) by value, and their configs read back. */
class LossKeywordsTest {
  @Test
  void crossentropyAxisZeroReducesTheFirstAxis() {
    // axis 0: one value per column, over the two rows: column 0 (t 0,1; p .2,.7), column 1 (t 1,0; p .6,.1)
    double expected = ((bce(0, .2) + bce(1, .7)) / 2 + (bce(1, .6) + bce(0, .1)) / 2) / 2;
    assertEquals(expected, value(new BinaryCrossentropy().axis(0), T, P, S), 1e-6);
    // categorical along axis 0: columns renormalised, -sum t log p per column
    double c0 = -Math.log(0.7 / 0.9);
    double c1 = -Math.log(0.6 / 0.7);
    assertEquals((c0 + c1) / 2, value(new CategoricalCrossentropy().axis(0), T, P, S), 1e-6);
  }

  @Test
  void huberDeltaMovesTheKink() {
    // errors p - t: 0.2, -0.4, -0.3, 0.1; delta 0.25 makes 0.4 and 0.3 linear
    double d = 0.25;
    double expected = (0.5 * 0.04 + (d * 0.4 - 0.5 * d * d) + (d * 0.3 - 0.5 * d * d) + 0.5 * 0.01) / 4;
    assertEquals(expected, value(new Huber().delta(d), T, P, S), 1e-6);
  }

  @Test
  void meanWithSampleWeightDividesByTheWeights() {
    float[] w = {3f, 1f};
    double v = GraphFixture.eval(List.of(T, P, w), List.of(S, S, Shape.of(2)),
        in -> List.of(new MeanSquaredError().reduction("mean_with_sample_weight").apply(in.get(0), in.get(1),
            in.get(2)))).get(0)[0];
    double sample0 = (0.04 + 0.16) / 2;
    double sample1 = (0.09 + 0.01) / 2;
    assertEquals((3 * sample0 + sample1) / 4, v, 1e-6);
  }

  @Test
  void serializedLossesReadBackWithTheirKeywords() {
    Object s = KerasObjects.serialize(new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1).axis(1)
        .reduction("sum").name("cce"));
    CategoricalCrossentropy l = assertInstanceOf(CategoricalCrossentropy.class, Losses.get(s));
    assertEquals(Map.of("name", "cce", "reduction", "sum", "from_logits", true, "label_smoothing", 0.1, "axis", 1),
        l.getConfig());
    Huber h = assertInstanceOf(Huber.class, Losses.get(KerasObjects.serialize(new Huber().delta(3))));
    assertEquals(3.0, h.delta());
    assertEquals(Map.of("name", "huber_loss", "reduction", "sum_over_batch_size"), new Huber().getConfig());
    SparseCategoricalCrossentropy sc = SparseCategoricalCrossentropy.fromConfig(Map.of("ignore_class", 2));
    assertEquals(2, sc.getConfig().get("ignore_class"));
  }

  /** A custom loss: twice the MSE, with its own keyword. */
  public static final class ScaledMse extends BaseLoss<ScaledMse> {
    private double scale = 2;

    public ScaledMse() {
      super("scaled_mse");
    }

    public ScaledMse scale(double scale) {
      this.scale = scale;
      return this;
    }

    @Override
    public io.keras4j.backend.Tensor call(io.keras4j.backend.Tensor t, io.keras4j.backend.Tensor p) {
      return ops().multiply(new MeanSquaredError().call(t, p), (float) scale);
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("scale", scale);
      return c;
    }

    public static ScaledMse fromConfig(Map<String, Object> config) {
      io.keras4j.saving.Config c = new io.keras4j.saving.Config("ScaledMse", config);
      return withBaseConfig(new ScaledMse().scale(c.number("scale", 2)), c);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void customLossesRegisterThroughKerasObjects() {
    KerasObjects.registerKerasSerializable("Tests", null, ScaledMse.class, ScaledMse::fromConfig);
    try {
      Map<String, Object> s = (Map<String, Object>) KerasObjects.serialize(new ScaledMse().scale(3).name("s3"));
      assertEquals("Tests>ScaledMse", s.get("registered_name"));
      ScaledMse back = assertInstanceOf(ScaledMse.class, Losses.get(s));
      assertEquals(Map.of("name", "s3", "reduction", "sum_over_batch_size", "scale", 3.0), back.getConfig());
    } finally {
      KerasObjects.unregister(ScaledMse.class);
    }
  }

  @Test
  void namesAndAliasesGiveFreshLossesWithKerasDefaults() {
    assertInstanceOf(MeanSquaredError.class, Losses.get("mse"));
    assertInstanceOf(MeanSquaredError.class, Losses.get("MeanSquaredError"));
    assertInstanceOf(KLDivergence.class, Losses.get("kld"));
    assertTrue(Losses.get("bce") != Losses.get("bce"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.get("msee"));
    assertTrue(e.getMessage().contains("msee") && e.getMessage().contains("mse"), e.getMessage());
  }

  @Test
  void badValuesAreRefusedWithTheReceivedValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BinaryCrossentropy().labelSmoothing(1.5));
    assertTrue(e.getMessage().contains("label_smoothing=1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Huber().reduction("avg"));
    assertTrue(e.getMessage().contains("reduction=avg"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new BinaryFocalCrossentropy().gamma(-1));
    assertTrue(e.getMessage().contains("gamma=-1"), e.getMessage());
  }

  @Test
  void refusedKeywordsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparseCategoricalCrossentropy.fromConfig(Map.of("axis", 1)));
    assertTrue(e.getMessage().contains("axis=1"), e.getMessage());
  }
}
