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
    assertEquals(List.of("opt/iterations", "opt/learning_rate"), a.variables().stream().map(Variable::path).toList());
    assertEquals(0.01, a.getConfig().get("weight_decay"));
    Nadam n = new Nadam().name("n");
    assertEquals("n/u_product", n.variables().get(2).path());
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
  void emaKeysAreCarriedAndUseEmaIsRefused() {
    Map<String, Object> c = Lion.fromConfig(Map.of("ema_momentum", 0.9, "ema_overwrite_frequency", 5)).getConfig();
    assertEquals(0.9, c.get("ema_momentum"));
    assertEquals(5, c.get("ema_overwrite_frequency"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lion.fromConfig(Map.of("use_ema", true)));
    assertTrue(e.getMessage().contains("use_ema=true"), e.getMessage());
  }
}
