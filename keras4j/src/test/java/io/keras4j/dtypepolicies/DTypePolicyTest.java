package io.keras4j.dtypepolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Dense;
import io.keras4j.layers.InputLayer;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.LossScaleOptimizer;
import io.keras4j.optimizers.SGD;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names, dtypes, serialization and the global policy, as Keras 3's DTypePolicy. */
class DTypePolicyTest {
  @AfterEach
  void resetGlobal() {
    DTypePolicies.setDtypePolicy("float32");
  }

  @ParameterizedTest
  @CsvSource({"float32,float32,float32", "mixed_bfloat16,bfloat16,float32", "mixed_float16,float16,float32"})
  void computeAndVariableDtypes(String name, String compute, String variable) {
    DTypePolicy p = new DTypePolicy(name);
    assertEquals(name, p.name());
    assertEquals(compute, p.computeDtype());
    assertEquals(variable, p.variableDtype());
    assertEquals(!compute.equals(variable), p.isMixed());
  }

  @Test
  void unknownNameIsRefusedWithKerasMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DTypePolicy("mixed_int8"));
    assertTrue(e.getMessage().contains("Cannot convert 'mixed_int8' to a mixed precision DTypePolicy"), e.getMessage());
  }

  @Test
  void lowPrecisionVariablesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DTypePolicy("bfloat16"));
    assertTrue(e.getMessage().contains("Received: name=bfloat16"), e.getMessage());
  }

  @Test
  void serializesAsKeras3() {
    Map<String, Object> s = new DTypePolicy("mixed_float16").serialize();
    assertEquals("keras", s.get("module"));
    assertEquals("DTypePolicy", s.get("class_name"));
    assertEquals(Map.of("name", "mixed_float16"), s.get("config"));
    assertTrue(s.containsKey("registered_name"));
    assertEquals(new DTypePolicy("mixed_float16"), DTypePolicies.get(s));
  }

  @Test
  void layersTakeTheGlobalPolicyWhenMade() {
    Dense before = new Dense(2);
    DTypePolicies.setDtypePolicy("mixed_bfloat16");
    Dense after = new Dense(2);
    assertEquals("float32", before.dtypePolicy().name());
    assertEquals("mixed_bfloat16", after.dtypePolicy().name());
    assertEquals("bfloat16", after.computeDtype());
    assertEquals("float32", after.dtype()); // Keras: layer.dtype is the variable dtype
    assertEquals("mixed_bfloat16", DTypePolicies.dtypePolicy().name());
  }

  @Test
  void perLayerPolicyByNameOrObjectWinsOverGlobal() {
    DTypePolicies.setDtypePolicy("mixed_float16");
    assertEquals("float32", new Dense(2).dtype("float32").computeDtype());
    assertEquals("bfloat16", new Dense(2).dtype(new DTypePolicy("mixed_bfloat16")).computeDtype());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Dense(2).name("d").dtype("float8"));
    assertTrue(e.getMessage().startsWith("Layer 'd': "), e.getMessage());
  }

  /** Keras' LSTM, GRU, SimpleRNN and ConvLSTM pass their dtype= to their cell: the cell computes in it too. */
  @Test
  void recurrentLayersGiveTheirPolicyToTheirCell() {
    assertEquals("bfloat16", new io.keras4j.layers.LSTM(2).dtype("mixed_bfloat16").cell().computeDtype());
    assertEquals("float16", new io.keras4j.layers.GRU(2).dtype("mixed_float16").cell().computeDtype());
    io.keras4j.layers.SimpleRNN rnn = new io.keras4j.layers.SimpleRNN(2);
    rnn.dtypePolicy("mixed_bfloat16");
    assertEquals("bfloat16", rnn.cell().computeDtype());
    assertEquals("float32", rnn.cell().variableDtype());
  }

  @Test
  void compileWrapsTheOptimizerOnlyForMixedFloat16() {
    DTypePolicies.setDtypePolicy("mixed_float16");
    try (Sequential scaled = new Sequential(new InputLayer(3), new Dense(2));
        Sequential plain = new Sequential(new InputLayer(3), new Dense(2))) {
      scaled.compile(new SGD(0.1), "mse");
      plain.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse").autoScaleLoss(false));
      assertEquals(LossScaleOptimizer.class, scaled.optimizer().getClass());
      assertEquals(SGD.class, plain.optimizer().getClass());
    }
    DTypePolicies.setDtypePolicy("mixed_bfloat16");
    try (Sequential bf16 = new Sequential(new InputLayer(3), new Dense(2))) {
      bf16.compile(new SGD(0.1), "mse");
      assertEquals(SGD.class, bf16.optimizer().getClass()); // Keras scales the loss for float16 only
    }
  }

  @Test
  void layerConfigRecordsThePolicy() {
    Map<String, Object> c = new Dense(2).dtype("mixed_bfloat16").getConfig();
    @SuppressWarnings("unchecked")
    Map<String, Object> dtype = (Map<String, Object>) c.get("dtype");
    assertEquals(Map.of("name", "mixed_bfloat16"), dtype.get("config"));
    assertFalse(Dense.fromConfig(c).dtypePolicy().name().equals("float32"));
  }
}
