package io.keras4j.saving;

import static io.keras4j.saving.SubclassedModelSavingTest.assertClose;
import static io.keras4j.saving.SubclassedModelSavingTest.configJson;
import static io.keras4j.saving.SubclassedModelSavingTest.expected;
import static io.keras4j.saving.SubclassedModelSavingTest.matrix;
import static io.keras4j.saving.SubclassedModelSavingTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.Metrics;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.saving.CustomClasses.Scale;
import io.keras4j.saving.CustomClasses.ScaledAbsoluteError;
import io.keras4j.saving.CustomClasses.ScaledMse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom layers, activations, losses and metrics in .keras files: Keras 3.15.1's functional_custom.keras (a Dense
 * with the registered activation keras4j_test>scaled_tanh, the unregistered layer Scale, the registered loss
 * keras4j_test>ScaledMse) loads with Keras' predictions, and keras4j writes them as Keras does.
 */
class CustomObjectsFilesTest {
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

  @Test
  void kerasFileWithCustomActivationLayerAndLossLoads() throws IOException {
    Path file = resource(tmp, "functional_custom.keras");
    Map<String, Object> expected = expected("functional_custom.json");
    try (Model model = Models.loadModel(file, Map.of("Scale", Scale.class))) {
      assertInstanceOf(Scale.class, model.getLayer("scale"));
      assertEquals(1.5f, model.getLayer("scale").getWeights().get(0).toFloatArray()[0], 0f);
      assertClose(matrix(expected.get("predictions")), model.predict(matrix(expected.get("x"))).toFloat2D(), 1e-5);
      ScaledMse loss = assertInstanceOf(ScaledMse.class, Losses.get(model.compileConfig().get("loss")));
      assertEquals(3.0, loss.scale());
    }
  }

  @Test
  void unregisteredLayerWithoutCustomObjectsSaysHowToRegisterIt() throws IOException {
    Path file = resource(tmp, "functional_custom.keras");
    KerasFileException e = assertThrows(KerasFileException.class, () -> Models.loadModel(file));
    assertTrue(e.getMessage().contains("'Scale'") && e.getMessage().contains("registerKerasSerializable")
        && e.getMessage().contains("Models.loadModel(file, Map.of(\"Scale\""), e.getMessage());
  }

  @Test
  void savedCustomObjectsAreWrittenAsKerasWritesThem() throws IOException {
    Path keras = resource(tmp, "functional_custom.keras");
    Path mine = tmp.resolve("mine.keras");
    Map<String, Object> expected = expected("functional_custom.json");
    try (Model model = Models.loadModel(keras, Map.of("Scale", Scale.class))) {
      model.save(mine);
    }
    Map<?, ?> theirs = layers(configJson(keras));
    Map<?, ?> ours = layers(configJson(mine));
    Map<?, ?> activation = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ours.get("hidden")).get("config")).get("activation");
    assertEquals(((Map<?, ?>) ((Map<?, ?>) theirs.get("hidden")).get("config")).get("activation"), activation);
    assertEquals("keras4j_test>scaled_tanh", activation.get("config"));
    Map<?, ?> scale = (Map<?, ?>) ours.get("scale");
    assertNull(scale.get("module"));
    assertEquals("Scale", scale.get("registered_name"));
    assertEquals(((Map<?, ?>) configJson(keras).get("compile_config")).get("loss"),
        ((Map<?, ?>) configJson(mine).get("compile_config")).get("loss"));
    try (Model back = Models.loadModel(mine, Map.of("Scale", Scale.class))) {
      assertClose(matrix(expected.get("predictions")), back.predict(matrix(expected.get("x"))).toFloat2D(), 1e-5);
    }
  }

  /** The layer entries of a functional config, by name. */
  private static Map<?, ?> layers(Map<String, Object> config) {
    Map<Object, Object> out = new java.util.LinkedHashMap<>();
    for (Object l : (List<?>) ((Map<?, ?>) config.get("config")).get("layers")) {
      out.put(((Map<?, ?>) l).get("name"), l);
    }
    return out;
  }

  @Test
  void customMetricAndLossRoundTripThroughCompileConfig() throws IOException {
    Path file = tmp.resolve("metric.keras");
    float[][] x = {{1f, 2f}, {-1f, 0.5f}, {0f, 3f}};
    float[][] y = {{0.5f}, {1f}, {-2f}};
    double evaluated;
    try (Model model = denseModel()) {
      model.compile(new CompileOptions().optimizer("sgd").loss(new ScaledMse().scale(0.5))
          .metrics(new ScaledAbsoluteError().factor(3)));
      float[][] p = model.predict(x).toFloat2D();
      double expectedMetric = 0;
      for (int i = 0; i < x.length; i++) {
        expectedMetric += 3 * Math.abs(p[i][0] - y[i][0]) / x.length;
      }
      evaluated = model.evaluate(x, y).get("scaled_absolute_error");
      assertEquals(expectedMetric, evaluated, 1e-5);
      model.save(file);
    }
    Map<?, ?> metric = (Map<?, ?>) ((List<?>) ((Map<?, ?>) configJson(file).get("compile_config")).get("metrics"))
        .get(0);
    assertEquals("keras4j_test>ScaledAbsoluteError", metric.get("registered_name"));
    try (Model back = Models.loadModel(file)) {
      ScaledAbsoluteError m = assertInstanceOf(ScaledAbsoluteError.class,
          Metrics.get(((List<?>) back.compileConfig().get("metrics")).get(0)));
      assertEquals(3.0, m.factor());
      assertEquals(evaluated, back.evaluate(x, y).get("scaled_absolute_error"), 1e-5);
    }
  }

  private static Model denseModel() {
    io.keras4j.backend.Backend.setRandomSeed(5);
    KerasTensor in = Input.of(2);
    return new Model(in, new Dense(1).activation(CustomClasses.SCALED_TANH).apply(in));
  }

  @Test
  void customActivationRoundTripsInJavaSavedModel() throws IOException {
    Path file = tmp.resolve("activation.keras");
    float[][] x = {{1f, 2f}, {-1f, 0.5f}};
    float[][] before;
    try (Model model = denseModel()) {
      before = model.predict(x).toFloat2D();
      model.save(file);
    }
    try (Model back = Models.loadModel(file)) {
      Dense dense = (Dense) back.layers().get(1);
      assertSame(CustomClasses.SCALED_TANH, io.keras4j.activations.Activations.get(dense.getConfig().get("activation")));
      assertClose(before, back.predict(x).toFloat2D(), 1e-6);
    }
  }
}
