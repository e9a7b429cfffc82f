package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

  /** The layer classes of a file's model config that keras4j has not registered (CuDNN ones count as LSTM/GRU). */
  static List<String> missingClasses(Path file) throws Exception {
    List<String> missing = new ArrayList<>();
    try (io.jhdf.HdfFile h5 = LegacyH5.open(file)) {
      collect(new ObjectMapper().readTree(LegacyH5.text(h5.getAttribute("model_config"))), missing);
    }
    return missing;
  }

  /** Adds the unregistered classes among the layer specs of {@code spec} (a model, a layer or a wrapper). */
  static void collect(JsonNode spec, List<String> missing) {
    String cls = spec.path("class_name").asText().replace("CuDNN", "");
    JsonNode config = spec.path("config");
    if (List.of("Sequential", "Functional", "Model").contains(cls)) {
      (config.isArray() ? config : config.path("layers")).forEach(l -> collect(l, missing));
      return;
    }
    if (!Layers.classNames().contains(cls) && !missing.contains(cls)) {
      missing.add(cls);
    }
    for (String inner : List.of("layer", "backward_layer")) {
      if (config.has(inner)) {
        collect(config.get(inner), missing);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void loadsAndPredictsLikeTheSavingKeras(String name) throws Exception {
    List<String> missing = missingClasses(dir().resolve(name + ".h5"));
    assumeTrue(missing.isEmpty(), "layers not registered yet: " + missing);
    JsonNode c = Golden.read(dir().resolve("expected.json")).get("cases").get(name);
    try (Model m = Models.loadModel(dir().resolve(name + ".h5"))) {
      Golden.assertClose(Golden.array(c.get("output")), m.predict(Golden.array(c.get("input"))), 1e-5, 0, name);
    }
  }
}
