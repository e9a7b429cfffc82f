package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.saving.KerasFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras 3.15.1's files of branching, nested and operation-node models (tools/keras-reference/graph_models.py) load
 * in all three formats and predict what Keras predicted; the layers come in Keras' order.
 */
class GraphFilesTest {
  private static final String DIR = "/io/keras4j/saving/graph/";

  @TempDir
  Path dir;

  private Path resource(String name) throws IOException {
    Path file = dir.resolve(name);
    if (Files.exists(file)) {
      return file;
    }
    try (InputStream in = GraphFilesTest.class.getResourceAsStream(DIR + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static JsonNode expected(String model) {
    try (InputStream in = GraphFilesTest.class.getResourceAsStream(DIR + "expected.json")) {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get(model);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A nested JSON list of numbers as an array of its shape. */
  static NDArray array(JsonNode nested) {
    List<Long> shape = new ArrayList<>();
    for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
      shape.add((long) n.size());
    }
    return NDArray.of(new io.keras4j.backend.HostArray(Golden.flatFloats(nested),
        io.keras4j.backend.Shape.of(shape.stream().mapToLong(Long::longValue).toArray())));
  }

  /** Checks the predictions of {@code m} against Keras' and its layer names against Keras' order. */
  static void assertPredictsAsKeras(Model m, JsonNode expected, String what) {
    List<NDArray> inputs = new ArrayList<>();
    expected.get("inputs").forEach(x -> inputs.add(array(x)));
    List<NDArray> outputs = m.predictOutputs(inputs.size() == 1 ? inputs.get(0) : inputs);
    assertEquals(expected.get("outputs").size(), outputs.size(), what);
    for (int i = 0; i < outputs.size(); i++) {
      assertArrayEquals(Golden.flatFloats(expected.get("outputs").get(i)), outputs.get(i).toFloatArray(), 1e-5f,
          what + ", output " + i);
    }
    List<String> names = new ArrayList<>();
    expected.get("layers").forEach(n -> names.add(n.asText()));
    assertEquals(names, m.layers().stream().map(Layer::name).toList(), what + ": Keras' model.layers");
  }

  @ParameterizedTest(name = "{0}{1}")
  @CsvSource({"branching,.keras", "branching,.h5", "nested,.keras", "nested,.h5", "operations,.keras",
      "operations,.h5", "normalized,.keras", "normalized,.h5"})
  void kerasModelFileLoadsAndPredictsAsKeras(String model, String extension) throws IOException {
    try (Model m = Models.loadModel(resource(model + extension))) {
      assertPredictsAsKeras(m, expected(model), model + extension);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"branching", "nested", "operations", "normalized"})
  void kerasWeightsFileLoadsIntoTheModelOfItsConfig(String model) throws IOException {
    String config;
    try (ZipFile zip = new ZipFile(resource(model + ".keras").toFile())) {
      config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Model m = Models.modelFromJson(config)) {
      m.loadWeights(resource(model + ".weights.h5"));
      assertPredictsAsKeras(m, expected(model), model + ".weights.h5");
    }
  }

  @ParameterizedTest(name = "{0}{1}")
  @CsvSource({"branching,.h5", "nested,.h5", "operations,.h5", "normalized,.h5", "nested,.keras"})
  void keras4jWritesFilesThatLoadBackTheSame(String model, String extension) throws IOException {
    Path again = dir.resolve("again.keras");
    Path weights = dir.resolve("again.weights.h5");
    try (Model m = Models.loadModel(resource(model + extension))) {
      m.save(again);
      m.saveWeights(weights);
    }
    String out = System.getProperty("keras4j.graphFilesOut"); // for a check that Keras reads these files
    if (out != null) {
      Files.createDirectories(Path.of(out));
      Files.copy(again, Path.of(out, model + extension.replace('.', '_') + ".keras"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (Model back = Models.loadModel(again)) {
      assertPredictsAsKeras(back, expected(model), model + extension + " written by keras4j as .keras");
    }
    try (Model fresh = Models.loadModel(resource(model + ".keras"))) {
      fresh.layers().forEach(l -> l.setWeights(l.getWeights().stream().map(a -> zerosLike(a)).toList()));
      fresh.loadWeights(weights);
      assertPredictsAsKeras(fresh, expected(model), model + extension + " written by keras4j as .weights.h5");
    }
  }

  private static NDArray zerosLike(NDArray a) {
    return NDArray.of(new io.keras4j.backend.HostArray(new float[(int) a.size()],
        io.keras4j.backend.Shape.of(a.shape())));
  }

  @Test
  void nestedModelsWeightsAreUnderTheirKerasClassNames() throws IOException {
    try (Model m = Models.loadModel(resource("nested.keras"))) {
      List<String> paths = new ArrayList<>(WeightsH5.paths(m, null).keySet());
      assertTrue(paths.contains("layers/functional/layers/dense/vars/0"), paths.toString());
      assertTrue(paths.contains("layers/functional_1/layers/dense/vars/1"), paths.toString());
      assertTrue(paths.contains("layers/sequential/layers/dense_1/vars/0"), paths.toString());
      assertTrue(paths.contains("layers/dense/vars/0"), paths.toString()); // the outer "mid"
    }
  }

  @Test
  void legacyWeightOfNoLayerOfItsNameIsAnError() throws IOException {
    Path file = resource("branching.h5");
    String config;
    try (ZipFile zip = new ZipFile(resource("branching.keras").toFile())) {
      config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Model m = Models.modelFromJson(config.replace("\"out2\"", "\"renamed\""))) {
      KerasFileException e = assertThrows(KerasFileException.class, () -> m.loadWeights(file));
      assertTrue(e.getMessage().contains("out2"), e.getMessage());
    }
  }
}
