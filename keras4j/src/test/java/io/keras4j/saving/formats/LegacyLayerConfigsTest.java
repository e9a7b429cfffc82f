package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.saving.KerasFileException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras 1 / Keras 2 / tf.keras layer specs rewritten with Keras 3's keys (specs as those versions wrote them). */
class LegacyLayerConfigsTest {
  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(String json) throws Exception {
    return new ObjectMapper().readValue(json, Map.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> config(Map<String, Object> spec) {
    return (Map<String, Object>) spec.get("config");
  }

  @Test
  void keras1LstmKeysBecomeKeras3Keys() throws Exception {
    // LSTM.get_config() of Keras 1.2.2 for the first layer of a Sequential
    Map<String, Object> c = config(LegacyLayerConfigs.convert(spec("{\"class_name\": \"LSTM\", \"config\": {"
        + "\"inner_activation\": \"hard_sigmoid\", \"trainable\": true, \"inner_init\": \"orthogonal\", "
        + "\"output_dim\": 3, \"unroll\": false, \"consume_less\": \"cpu\", \"init\": \"glorot_uniform\", "
        + "\"dropout_U\": 0.0, \"input_dtype\": \"float32\", \"b_regularizer\": null, \"input_length\": 5, "
        + "\"dropout_W\": 0.0, \"activation\": \"tanh\", \"stateful\": false, \"batch_input_shape\": [null, 5, 2], "
        + "\"U_regularizer\": null, \"name\": \"lstm_1\", \"go_backwards\": false, \"input_dim\": 2, "
        + "\"return_sequences\": false, \"W_regularizer\": {\"l2\": 0.01, \"name\": \"L1L2Regularizer\", \"l1\": 0.0},"
        + " \"forget_bias_init\": \"one\"}}"), true));
    assertEquals(3, c.get("units"));
    assertEquals("hard_sigmoid", c.get("recurrent_activation"));
    assertEquals("glorot_uniform", c.get("kernel_initializer"));
    assertEquals("orthogonal", c.get("recurrent_initializer"));
    assertEquals(true, c.get("unit_forget_bias"));
    assertEquals(0.0, c.get("dropout"));
    assertEquals(0.0, c.get("recurrent_dropout"));
    assertEquals(Map.of("class_name", "L1L2", "config", Map.of("l1", 0.0, "l2", 0.01)), c.get("kernel_regularizer"));
    assertEquals(Arrays.asList(null, 5, 2), c.get("batch_input_shape"));
    for (String gone : new String[] {"output_dim", "init", "inner_init", "inner_activation", "consume_less",
        "input_dim", "input_length", "input_dtype", "forget_bias_init", "W_regularizer", "dropout_W"}) {
      assertFalse(c.containsKey(gone), gone);
    }
  }

  @Test
  void keras1InputDimBecomesTheFirstLayersInputShapeOnly() throws Exception {
    String json = "{\"class_name\": \"SimpleRNN\", \"config\": {\"output_dim\": 2, \"input_dim\": 3, "
        + "\"input_length\": null, \"name\": \"r\"}}";
    assertEquals(Arrays.asList(null, null, 3), config(LegacyLayerConfigs.convert(spec(json), true))
        .get("batch_input_shape"));
    assertFalse(config(LegacyLayerConfigs.convert(spec(json), false)).containsKey("batch_input_shape"));
  }

  @Test
  void gruWithoutResetAfterPredatesItAndResetsBeforeTheMatmul() throws Exception {
    // Keras 2.0.x GRU config: no reset_after key
    Map<String, Object> c = config(LegacyLayerConfigs.convert(spec("{\"class_name\": \"GRU\", \"config\": {"
        + "\"units\": 2, \"implementation\": 1, \"name\": \"gru_1\"}}"), false));
    assertEquals(false, c.get("reset_after"));
    assertFalse(c.containsKey("implementation"));
    Map<String, Object> v2 = config(LegacyLayerConfigs.convert(spec("{\"class_name\": \"GRU\", \"config\": {"
        + "\"units\": 2, \"reset_after\": true, \"time_major\": false, \"name\": \"gru\"}}"), false));
    assertEquals(true, v2.get("reset_after"));
    assertFalse(v2.containsKey("time_major"));
  }

  @Test
  void cudnnLayersBecomeLstmAndGruWithCudnnsActivations() throws Exception {
    Map<String, Object> lstm = LegacyLayerConfigs.convert(spec("{\"class_name\": \"CuDNNLSTM\", \"config\": {"
        + "\"units\": 2, \"unit_forget_bias\": true, \"return_sequences\": true, \"name\": \"cu_dnnlstm_1\"}}"), false);
    assertEquals("LSTM", lstm.get("class_name"));
    assertEquals("sigmoid", config(lstm).get("recurrent_activation"));
    assertEquals("tanh", config(lstm).get("activation"));
    assertEquals(true, config(lstm).get("return_sequences"));
    Map<String, Object> gru = LegacyLayerConfigs.convert(spec("{\"class_name\": \"CuDNNGRU\", \"config\": {"
        + "\"units\": 2, \"name\": \"cu_dnngru\"}}"), false);
    assertEquals("GRU", gru.get("class_name"));
    assertEquals(true, config(gru).get("reset_after"));
    assertEquals("sigmoid", config(gru).get("recurrent_activation"));
  }

  @Test
  void timeMajorInputsAreRefused() throws Exception {
    KerasFileException e = assertThrows(KerasFileException.class, () -> LegacyLayerConfigs.convert(spec(
        "{\"class_name\": \"LSTM\", \"config\": {\"units\": 2, \"time_major\": true, \"name\": \"l\"}}"), false));
    assertTrue(e.getMessage().contains("time_major"), e.getMessage());
  }

  @Test
  void embeddingDropsInputLengthAndKeras1Keys() throws Exception {
    Map<String, Object> k1 = config(LegacyLayerConfigs.convert(spec("{\"class_name\": \"Embedding\", \"config\": {"
        + "\"input_dim\": 10, \"output_dim\": 4, \"init\": \"uniform\", \"input_length\": 6, \"mask_zero\": true, "
        + "\"W_regularizer\": null, \"W_constraint\": null, \"dropout\": 0.0, \"input_dtype\": \"int32\", "
        + "\"name\": \"embedding_1\"}}"), true));
    assertEquals("uniform", k1.get("embeddings_initializer"));
    assertEquals(true, k1.get("mask_zero"));
    assertEquals(10, k1.get("input_dim"));
    assertEquals(Arrays.asList(null, 6), k1.get("batch_input_shape"));
    for (String gone : new String[] {"init", "input_length", "dropout", "input_dtype", "W_regularizer"}) {
      assertFalse(k1.containsKey(gone), gone);
    }
  }

  @Test
  void wrappersConvertTheirLayers() throws Exception {
    Map<String, Object> bi = config(LegacyLayerConfigs.convert(spec("{\"class_name\": \"Bidirectional\", \"config\":"
        + " {\"merge_mode\": \"concat\", \"name\": \"b\", \"layer\": {\"class_name\": \"CuDNNGRU\", \"config\": {"
        + "\"units\": 2, \"name\": \"g\"}}}}"), false));
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) bi.get("layer");
    assertEquals("GRU", inner.get("class_name"));
    assertEquals(true, config(inner).get("reset_after"));
  }

  @Test
  void keras3SpecsAndOtherLayersAreLeftAlone() throws Exception {
    Map<String, Object> conv = spec("{\"class_name\": \"Conv2D\", \"config\": {\"filters\": 2}}");
    assertSame(conv, LegacyLayerConfigs.convert(conv, true));
    Map<String, Object> lstm = spec("{\"class_name\": \"LSTM\", \"config\": {\"units\": 2, \"activation\": \"tanh\","
        + " \"recurrent_activation\": \"sigmoid\", \"name\": \"lstm\"}}");
    assertEquals(lstm, LegacyLayerConfigs.convert(lstm, true));
  }
}
