package io.keras4j.saving.formats;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.golden.Golden;
import io.keras4j.layers.Layers;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Legacy {@code .h5} files with recurrent and embedding layers load and predict what their models predicted
 * (tools/keras-reference/legacy_rnn_files.py): Keras 1.2.2 per-gate LSTM/GRU weights, Keras 1 Bidirectional and
 * TimeDistributed, Keras 1 consume_less="gpu" fused weights, Keras 2.2.4 CuDNNLSTM/CuDNNGRU and hard_sigmoid
 * defaults, a Keras 2.0.8 GRU config without reset_after, tf.keras 2.4 Embedding(mask_zero)/LSTM/GRU and
 * ConvLSTM2D, and files Keras 3.15.1's legacy writer saved.
 */
class LegacyRecurrentTest {
  static Path dir() throws URISyntaxException {
    return Path.of(LegacyRecurrentTest.class.getResource("/io/keras4j/legacy/recurrent/expected.json").toURI())
        .getParent();
  }

  static Stream<String> cases() throws URISyntaxException {
    List<String> names = new ArrayList<>();
    Golden.read(dir().resolve("expected.json")).get("cases").fieldNames().forEachRemaining(names::add);
    return names.stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void loadsAndPredictsLikeTheSavingKeras(String name) throws Exception {
    JsonNode c = Golden.read(dir().resolve("expected.json")).get("cases").get(name);
    try (Model m = Models.loadModel(dir().resolve(name + ".h5"))) {
      Golden.assertClose(Golden.array(c.get("output")), m.predict(Golden.array(c.get("input"))), 1e-5, 0, name);
    }
  }
}
