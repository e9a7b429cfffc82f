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
  void trainedSubclassedModelKeepsItsCompileConfigAndLoss() throws IOException {
    Path file = tmp.resolve("trained.keras");
    float[][] x = {{0.5f, -1f, 2f}, {1f, 0f, -0.25f}, {0.1f, 0.2f, 0.3f}, {-1f, 1f, 0f}};
    float[][] y = {{1f}, {0f}, {0.5f}, {-0.5f}};
    double loss;
    float[][] before;
    try (NestedDenseModel model = new NestedDenseModel(3, 1)) {
      model.compile(new io.keras4j.models.CompileOptions().optimizer(new SGD(0.05)).loss(new ScaledMse().scale(2)));
      model.fit(x, y, new io.keras4j.models.FitOptions().epochs(2).batchSize(2).verbose(0));
      before = model.predict(x).toFloat2D();
      loss = model.evaluate(x, y).get("loss");
      double byHand = 0; // ScaledMse(2) of the predictions, averaged over the samples
      for (int i = 0; i < x.length; i++) {
        byHand += 2 * Math.pow(before[i][0] - y[i][0], 2) / x.length;
      }
      assertEquals(byHand, loss, 1e-5);
      model.save(file);
    }
    assertTrue(datasets(file).contains("optimizer/vars/0"));
    try (Model back = Models.loadModel(file)) {
      assertClose(before, back.predict(x).toFloat2D(), 1e-6);
      assertEquals(loss, back.evaluate(x, y).get("loss"), 1e-6);
      assertEquals(2.0, assertInstanceOf(ScaledMse.class, io.keras4j.losses.Losses.get(back.compileConfig().get("loss")))
          .scale());
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

  @Test
  void subclassedModelNestedInFunctionalModelLoadsAndSavesAtKerasPaths() throws IOException {
    Path keras = resource(tmp, "functional_with_subclassed.keras");
    Path mine = tmp.resolve("mine.keras");
    Map<String, Object> expected = expected("functional_with_subclassed.json");
    try (Model model = Models.loadModel(keras)) {
      assertInstanceOf(NestedDenseModel.class, model.getLayer("sub"));
      assertClose(matrix(expected.get("predictions")), model.predict(matrix(expected.get("x"))).toFloat2D(), 1e-5);
      model.save(mine);
    }
    assertTrue(datasets(keras).contains("layers/nested_dense_model/layers/nested_block/scale/vars/0"));
    assertEquals(datasets(keras), datasets(mine));
    try (Model back = Models.loadModel(mine)) {
      assertClose(matrix(expected.get("predictions")), back.predict(matrix(expected.get("x"))).toFloat2D(), 1e-5);
    }
  }

  /** Keras' M of the layout check: attributes _hidden, blocks (a list), zeta, alpha, tracked in that order. */
  static final class ListModel extends Model {
    final io.keras4j.layers.Dense hidden = track("_hidden", new io.keras4j.layers.Dense(2));
    final List<io.keras4j.layers.Dense> blocks = track("blocks",
        List.of(new io.keras4j.layers.Dense(2), new io.keras4j.layers.Dense(2)));
    final io.keras4j.layers.Dense zeta = track("zeta", new io.keras4j.layers.Dense(1));
    final io.keras4j.layers.Dense alpha = track("alpha", new io.keras4j.layers.Dense(2));

    void trackDense(String attribute) {
      track(attribute, new io.keras4j.layers.Dense(1));
    }

    @Override
    protected io.keras4j.backend.Tensor call(io.keras4j.backend.Tensor x, boolean training) {
      x = alpha.apply(hidden.apply(x, training), training);
      for (io.keras4j.layers.Dense b : blocks) {
        x = b.apply(x, training);
      }
      return zeta.apply(x, training);
    }
  }

  /**
   * The paths Keras 3.15.1 gives this model (printed from its model.weights.h5): attributes sorted with private
   * ones last, "layers" among them, each layer at its first path; a list's items numbered by class per list.
   */
  @Test
  void attributePathsFollowKerasWalk() {
    try (ListModel model = new ListModel()) {
      model.predict(new float[][] {{1f, 2f, 3f}});
      java.util.Map<String, io.keras4j.backend.Variable> paths =
          io.keras4j.saving.formats.WeightsH5.paths(model, null);
      assertEquals(List.of("alpha/vars/0", "alpha/vars/1", "blocks/dense/vars/0", "blocks/dense/vars/1",
          "blocks/dense_1/vars/0", "blocks/dense_1/vars/1", "layers/dense/vars/0", "layers/dense/vars/1",
          "layers/dense_3/vars/0", "layers/dense_3/vars/1"), List.copyOf(new TreeSet<>(paths.keySet())));
      assertEquals(model.hidden.weights().get(0), paths.get("layers/dense/vars/0"));
      assertEquals(model.zeta.weights().get(0), paths.get("layers/dense_3/vars/0"));
      assertEquals(List.of(model.hidden, model.blocks.get(0), model.blocks.get(1), model.zeta, model.alpha),
          model.layers());
    }
  }

  @Test
  void badAttributeNamesAreRefused() {
    try (ListModel model = new ListModel()) {
      for (String bad : new String[] {"layers", "zeta", "a/b", ""}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> model.trackDense(bad));
        assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
      }
    }
  }
}
