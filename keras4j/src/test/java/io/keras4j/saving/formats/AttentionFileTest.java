package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import io.keras4j.layers.Attention;
import io.keras4j.layers.MultiHeadAttention;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model of MultiHeadAttention (key and attention_mask passed as keywords, use_causal_mask=True) and Attention
 * (use_causal_mask, return_attention_scores) saved by Keras 3.15.1 ({@code golden_attention.py}) loads with Keras'
 * call arguments, weights (MultiHeadAttention's under query_dense/, key_dense/, value_dense/, output_dense/) and
 * predictions; keras4j saves it back to the same paths and node arguments, and the reloaded model predicts the same.
 */
class AttentionFileTest {
  @TempDir
  Path dir;

  @Test
  void aKerasFileLoadsWithItsCallArgumentsWeightsAndPredictions() throws Exception {
    Path file = dir.resolve("attention.keras");
    try (var in = getClass().getResourceAsStream("keras_attention.keras")) {
      Files.copy(in, file);
    }
    JsonNode expected;
    try (var in = getClass().getResourceAsStream("keras_attention.json")) {
      expected = new ObjectMapper().readTree(in);
    }
    List<NDArray> xs = new ArrayList<>();
    expected.get("inputs").forEach(a -> xs.add(Golden.array(a)));
    List<NDArray> outs = new ArrayList<>();
    expected.get("outputs").forEach(a -> outs.add(Golden.array(a)));
    Path saved = dir.resolve("again.keras");
    try (Model m = Models.loadModel(file)) {
      MultiHeadAttention mha = assertInstanceOf(MultiHeadAttention.class, m.getLayer("mha"));
      assertTrue(mha.useCausalMask());
      assertEquals(4, mha.inboundNodes().get(0).inputs().size(), "query, value, key, attention_mask");
      Attention att = assertInstanceOf(Attention.class, m.getLayer("att"));
      assertTrue(att.useCausalMask() && att.returnAttentionScores());
      check(outs, m.predictOutputs(xs, 2));
      assertEquals(List.of("layers/multi_head_attention/query_dense/vars/0",
          "layers/multi_head_attention/query_dense/vars/1", "layers/multi_head_attention/key_dense/vars/0",
          "layers/multi_head_attention/key_dense/vars/1", "layers/multi_head_attention/value_dense/vars/0",
          "layers/multi_head_attention/value_dense/vars/1", "layers/multi_head_attention/output_dense/vars/0",
          "layers/multi_head_attention/output_dense/vars/1", "layers/attention/vars/0"),
          List.copyOf(WeightsH5.paths(m, null).keySet()));
      m.save(saved);
    }
    String config;
    try (var zip = new java.util.zip.ZipFile(saved.toFile())) {
      config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonNode layers = new ObjectMapper().readTree(config).get("config").get("layers");
    for (JsonNode l : layers) {
      if (l.get("class_name").asText().equals("MultiHeadAttention")) {
        JsonNode node = l.get("inbound_nodes").get(0);
        // keras4j passes the key positionally, mha(q, v, k), which Keras reads as it reads key=k
        assertEquals(3, node.get("args").size());
        assertEquals("k", node.get("args").get(2).get("config").get("keras_history").get(0).asText());
        assertEquals("am", node.get("kwargs").get("attention_mask").get("config").get("keras_history").get(0)
            .asText());
        assertTrue(node.get("kwargs").get("use_causal_mask").asBoolean());
      }
    }
    try (Model again = Models.loadModel(saved)) {
      check(outs, again.predictOutputs(xs, 2));
    }
  }

  private static void check(List<NDArray> expected, List<NDArray> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Golden.assertClose(expected.get(i), actual.get(i), 1e-5, 1e-5, "output " + i);
    }
  }
}
