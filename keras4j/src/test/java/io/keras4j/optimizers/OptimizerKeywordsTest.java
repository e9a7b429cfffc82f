package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.InverseTimeDecay;
import io.keras4j.saving.KerasObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keywords every optimizer shares: names, typed chains, configs read back, refusals. */
class OptimizerKeywordsTest {
  @Test
  void chainsKeepTheConcreteTypeAndNameThePaths() {
    AdamW a = new AdamW(1e-3).clipnorm(1).beta1(0.8).name("opt").weightDecay(0.01).amsgrad(true);
    assertEquals(List.of("opt/iteration", "opt/learning_rate"), a.variables().stream().map(Variable::path).toList());
    assertEquals(0.01, a.getConfig().get("weight_decay"));
    Nadam n = new Nadam().name("n");
    n.build(List.of(new Variable("w", io.keras4j.backend.Shape.of(1), "float32", true, new float[] {1f})));
    // Keras' Nadam creates its u_product after the slots, as "variable"
    assertEquals(List.of("n/iteration", "n/learning_rate", "n/w_momentum", "n/w_velocity", "n/variable"),
        n.variables().stream().map(Variable::path).toList());
  }

  @Test
  void kerasDefaultNames() {
    assertEquals("sgd", new SGD().name());
    assertEquals("rm_sprop", new RMSprop().name());
    assertEquals("adam_w", new AdamW().name());
    assertEquals(0.004, new AdamW().getConfig().get("weight_decay"));
  }

  @Test
  void namesAndSerializedFormsGiveOptimizers() {
    assertInstanceOf(RMSprop.class, Optimizers.get("rmsprop"));
    assertInstanceOf(RMSprop.class, Optimizers.get("RMSprop"));
    SGD sgd = new SGD(new InverseTimeDecay(0.1, 1, 1)).momentum(0.9).nesterov(true).clipvalue(0.5);
    SGD back = assertInstanceOf(SGD.class, Optimizers.get(KerasObjects.serialize(sgd)));
    assertEquals(sgd.getConfig().toString(), back.getConfig().toString());
    // 0.1 / (1 + 1 * 3) at step 3
    assertEquals(0.025, back.schedule().value(3), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamm"));
    assertTrue(e.getMessage().contains("adamm") && e.getMessage().contains("adam"), e.getMessage());
  }

  @Test
  void clipnormAndGlobalClipnormExcludeEachOther() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Adam().clipnorm(1).globalClipnorm(2));
    assertTrue(e.getMessage().contains("clipnorm=1.0") && e.getMessage().contains("global_clipnorm=2.0"),
        e.getMessage());
  }

  @Test
  void onlyOneClippingArgument() {
    // Keras: "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set"
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD().clipnorm(1).clipvalue(1));
    assertTrue(e.getMessage().contains("only one of"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SGD().clipvalue(1).globalClipnorm(1));
    assertEquals(2.0, new SGD().clipvalue(1).clipvalue(2).getConfig().get("clipvalue"));
  }

  @Test
  void slotShapingArgumentsAreFixedOnceBuilt() {
    SGD sgd = new SGD(0.1);
    sgd.build(List.of(new Variable("w", io.keras4j.backend.Shape.of(1), "float32", true, new float[] {1f})));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.momentum(0.9));
    assertTrue(e.getMessage().contains("`momentum`"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> sgd.excludeFromWeightDecay("bias"));
  }

  @Test
  void emaAndAccumulationKeysAreReadBack() {
    Map<String, Object> c = Lion.fromConfig(Map.of("use_ema", true, "ema_momentum", 0.9, "ema_overwrite_frequency", 5,
        "gradient_accumulation_steps", 3, "loss_scale_factor", 4.0)).getConfig();
    assertEquals(true, c.get("use_ema"));
    assertEquals(0.9, c.get("ema_momentum"));
    assertEquals(5, c.get("ema_overwrite_frequency"));
    assertEquals(3, c.get("gradient_accumulation_steps"));
    assertEquals(4.0, c.get("loss_scale_factor"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lion.fromConfig(Map.of("gradient_accumulation_steps", 1)));
    assertTrue(e.getMessage().contains("gradient_accumulation_steps=1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam().emaOverwriteFrequency(0));
    assertTrue(e.getMessage().contains("ema_overwrite_frequency=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam().lossScaleFactor(-1));
    assertTrue(e.getMessage().contains("loss_scale_factor=-1.0"), e.getMessage());
  }

  @Test
  void averagesAndAccumulatorsComeBeforeTheSlotsAsInKeras() {
    Adam a = new Adam().useEma(true).gradientAccumulationSteps(2);
    Variable w0 = new Variable("w0", io.keras4j.backend.Shape.of(2), "float32", true, new float[2]);
    Variable w1 = new Variable("w1", io.keras4j.backend.Shape.of(1), "float32", true, new float[1]);
    a.build(List.of(w0, w1));
    assertEquals(List.of("adam/iteration", "adam/learning_rate", "adam/w0_average", "adam/w1_average",
        "adam/w0_gradient_accumulator", "adam/w1_gradient_accumulator", "adam/w0_momentum", "adam/w0_velocity",
        "adam/w1_momentum", "adam/w1_velocity"), a.variables().stream().map(Variable::path).toList());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.useEma(false));
    assertTrue(e.getMessage().contains("`use_ema`"), e.getMessage());
  }
}
