package io.keras4j.saving.formats;

import io.keras4j.golden.Golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models with wrapper and ConvLSTM layers saved by Keras 3.15.1 ({@code tools/keras-reference/wrapper_models.py},
 * trained two steps) load into keras4j with Keras' predictions, and keras4j saves them again with the weight paths
 * Keras wrote ({@code layers/time_distributed/layer/vars/0}, {@code layers/bidirectional/forward_layer/cell/vars/0},
 * ...) and the same predictions after loading its own file.
 */
class WrapperFilesTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"time_distributed", "conv_lstm1d", "conv_lstm2d", "bidirectional"})
  void aKerasFileLoadsAndIsWrittenBackWithKerasPaths(String name) throws Exception {
    Path file = dir.resolve(name + ".keras");
    try (var in = getClass().getResourceAsStream("keras_" + name + ".keras")) {
      Files.copy(in, file);
    }
    JsonNode expected;
    try (var in = getClass().getResourceAsStream("keras_" + name + ".json")) {
      expected = new ObjectMapper().readTree(in);
    }
    HostArray x = array(expected.get("x"));
    float[] want = Golden.flatFloats(expected.get("predictions"));
    TreeSet<String> kerasPaths = new TreeSet<>();
    expected.get("weight_paths").forEach(p -> kerasPaths.add(p.asText()));
    try (Model m = Models.loadModel(file)) {
      assertArrayEquals(want, m.predictOutputs(x, 4).get(0).toFloatArray(), 1e-5f, name + " predictions");
      TreeSet<String> paths = new TreeSet<>(WeightsH5.paths(m, null).keySet());
      paths.removeIf(p -> p.contains("/seed_generator")); // keras4j also saves the random states, Keras does not
      assertEquals(kerasPaths, paths, name + " weight paths");
      Path again = dir.resolve(name + "_keras4j.keras");
      m.save(again);
      try (Model back = Models.loadModel(again)) {
        assertArrayEquals(want, back.predictOutputs(x, 4).get(0).toFloatArray(), 1e-5f, name + " reloaded");
      }
    }
  }

  private static HostArray array(JsonNode nested) {
    List<Long> shape = new ArrayList<>();
    for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
      shape.add((long) n.size());
    }
    return new HostArray(Golden.flatFloats(nested), Shape.of(shape.stream().mapToLong(Long::longValue).toArray()));
  }
}
