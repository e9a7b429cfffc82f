package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.optimizers.SGD;
import io.keras4j.saving.CustomClasses.NestedDenseModel;
import io.keras4j.saving.CustomClasses.Scale;
import io.keras4j.saving.CustomClasses.ScaledMse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subclassed model saved by Keras 3.15.1 (tools/keras-reference/custom_objects.py: NestedDenseModel, registered
 * as keras4j_test>NestedDenseModel, holding a Dense, a nested custom layer and a Dense)
 * loads into the equivalent Java classes with Keras' predictions, and keras4j saves it back in Keras' layout.
 */
class SubclassedModelSavingTest {
  private static final String DIR = "/io/keras4j/saving/custom/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @BeforeAll
  static void registerClasses() {
    CustomClasses.register();
  }

  @AfterAll
  static void unregisterClasses() {
    CustomClasses.unregister();
  }

  static Path resource(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = SubclassedModelSavingTest.class.getResourceAsStream(DIR + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> expected(String name) throws IOException {
    try (InputStream in = SubclassedModelSavingTest.class.getResourceAsStream(DIR + name)) {
      return JSON.readValue(in, Map.class);
    }
  }

  static float[][] matrix(Object rows) {
    List<?> l = (List<?>) rows;
    float[][] out = new float[l.size()][];
    for (int i = 0; i < out.length; i++) {
      List<?> row = (List<?>) l.get(i);
      out[i] = new float[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = ((Number) row.get(j)).floatValue();
      }
    }
    return out;
  }

  static void assertClose(float[][] expected, float[][] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual[i][j], tol, "row " + i + ", column " + j);
      }
    }
  }

  /** The datasets of the model.weights.h5 inside a .keras file. */
  static TreeSet<String> datasets(Path keras) throws IOException {
    Path h5 = Files.createTempFile("weights", ".h5");
    try (ZipFile zip = new ZipFile(keras.toFile()); InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
      Files.copy(in, h5, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      TreeSet<String> out = new TreeSet<>();
      try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
        collect(f, "", out);
      }
      return out;
    } finally {
      Files.deleteIfExists(h5);
    }
  }

  private static void collect(io.jhdf.api.Group g, String prefix, TreeSet<String> out) {
    for (io.jhdf.api.Node n : g.getChildren().values()) {
      String path = prefix.isEmpty() ? n.getName() : prefix + "/" + n.getName();
      if (n instanceof io.jhdf.api.Group sub) {
        collect(sub, path, out);
      } else {
        out.add(path);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> configJson(Path keras) throws IOException {
    try (ZipFile zip = new ZipFile(keras.toFile()); InputStream in = zip.getInputStream(zip.getEntry("config.json"))) {
      return JSON.readValue(in, Map.class);
    }
  }

  @Test
  void kerasSubclassedModelLoadsWithKerasPredictions() throws IOException {
    Path file = resource(tmp, "nested_dense_model.keras");
    Map<String, Object> expected = expected("nested_dense_model.json");
    try (Model m = Models.loadModel(file, Map.of("Scale", Scale.class))) {
      NestedDenseModel model = assertInstanceOf(NestedDenseModel.class, m);
      assertEquals("nested_dense_model", model.name());
      assertEquals(List.of("dense", "nested", "head"), List.copyOf(model.trackedAttributes().keySet()));
      assertClose(matrix(expected.get("predictions")), model.predict(matrix(expected.get("x"))).toFloat2D(), 1e-5);
      // compiled from compile_config: SGD(0.1) and the registered custom loss with scale 2
      assertInstanceOf(SGD.class, model.optimizer());
      assertEquals(0.1, model.optimizer().learningRate(), 1e-7);
      ScaledMse loss = assertInstanceOf(ScaledMse.class, ((Map<?, ?>) model.compileConfig()).get("loss") instanceof Map
          ? io.keras4j.losses.Losses.get(model.compileConfig().get("loss")) : null);
      assertEquals(2.0, loss.scale());
    }
  }

  @Test
  void savedFileHasKerasConfigAndWeightLayout() throws IOException {
    Path keras = resource(tmp, "nested_dense_model.keras");
    Path mine = tmp.resolve("mine.keras");
    Map<String, Object> expected = expected("nested_dense_model.json");
    try (Model m = Models.loadModel(keras, Map.of("Scale", Scale.class))) {
      m.save(mine);
    }
    Map<String, Object> theirs = configJson(keras);
    Map<String, Object> ours = configJson(mine);
    for (String key : List.of("module", "class_name", "registered_name", "build_config")) {
      assertEquals(theirs.get(key), ours.get(key), key);
    }
    assertEquals(theirs.get("config"), ours.get("config"));
    assertEquals(((Map<?, ?>) theirs.get("compile_config")).get("loss"),
        ((Map<?, ?>) ours.get("compile_config")).get("loss"));
    // the same datasets at the same attribute paths: dense/vars/0, layers/nested_block/inner/vars/0, ...
    assertEquals(datasets(keras), datasets(mine));
    assertTrue(datasets(mine).contains("layers/nested_block/scale/vars/0"));
    try (Model back = Models.loadModel(mine, Map.of("Scale", (java.util.function.Function<Map<String, Object>, Scale>)
        Scale::fromConfig))) {
      assertClose(matrix(expected.get("predictions")), back.predict(matrix(expected.get("x"))).toFloat2D(), 1e-5);
    }
  }

  @Test
  void subclassedModelBuiltInJavaRoundTrips() throws IOException {
    Path file = tmp.resolve("java.keras");
    float[][] x = {{0.5f, -1f, 2f}, {1f, 0f, -0.25f}};
    float[][] before;
    try (NestedDenseModel model = new NestedDenseModel(3, 1)) {
      model.name("java_model");
      before = model.predict(x).toFloat2D();
      model.save(file);
    }
    Map<String, Object> config = configJson(file);
    assertEquals("keras4j_test>NestedDenseModel", config.get("registered_name"));
    assertNull(config.get("module"));
    assertEquals(Map.of("input_shape", List.of(2, 3)), config.get("build_config"));
    assertEquals(3, ((Map<?, ?>) config.get("config")).get("units"));
    assertEquals(new TreeSet<>(List.of("dense/vars/0", "dense/vars/1", "head/vars/0", "head/vars/1",
        "layers/nested_block/inner/vars/0", "layers/nested_block/inner/vars/1", "layers/nested_block/scale/vars/0")),
        datasets(file));
    try (Model back = Models.loadModel(file, Map.of("Scale", Scale.class))) {
      assertClose(before, back.predict(x).toFloat2D(), 1e-6);
    }
  }

  @Test
  void unknownSubclassSaysHowToRegisterIt() throws IOException {
    Path file = resource(tmp, "nested_dense_model.keras");
    KerasObjects.unregister(NestedDenseModel.class);
    try {
      KerasFileException e = assertThrows(KerasFileException.class, () -> Models.loadModel(file));
      assertTrue(e.getMessage().contains("NestedDenseModel") && e.getMessage().contains("keras4j_test")
          && e.getMessage().contains("registerKerasSerializable"), e.getMessage());
    } finally {
      KerasObjects.registerKerasSerializable(CustomClasses.PKG, null, NestedDenseModel.class,
          NestedDenseModel::fromConfig);
    }
  }
}
