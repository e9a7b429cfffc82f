package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.metrics.MeanAbsoluteError;
import io.keras4j.optimizers.SGD;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-output {@code metrics=} and {@code weighted_metrics=} against Keras 3.15.1: the log names, the History of a
 * short fit with sample weights, evaluate, compile_config, and Keras-written {@code .keras} files, from
 * {@code tools/keras-reference/per_output_metrics.py} ({@code models/per_output_metrics/}).
 * Keras' per-output losses ({@code out_a_loss}, {@code out_b_loss}) are logged and compared too.
 */
class PerOutputMetricsKerasTest {
  static final String DIR = "/io/keras4j/models/per_output_metrics/";
  static final Map<String, Object> REF = read();
  static final float[][] X = floats2(REF.get("x"));
  static final float[][] Y_A = floats2(REF.get("y_a"));
  static final float[][] Y_B = column(REF.get("y_b"));
  static final float[] SW = floats(REF.get("sample_weight"));

  @SuppressWarnings("unchecked")
  static Map<String, Object> read() {
    try (InputStream in = PerOutputMetricsKerasTest.class.getResourceAsStream(DIR + "per_output_metrics.json")) {
      return new ObjectMapper().readValue(in, Map.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> keras(String name) {
    return (Map<String, Object>) ((Map<String, Object>) REF.get("cases")).get(name);
  }

  static float[] floats(Object list) {
    List<?> l = (List<?>) list;
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }

  static float[][] floats2(Object list) {
    return ((List<?>) list).stream().map(PerOutputMetricsKerasTest::floats).toArray(float[][]::new);
  }

  static float[][] column(Object list) {
    float[] v = floats(list);
    float[][] out = new float[v.length][];
    for (int i = 0; i < v.length; i++) {
      out[i] = new float[] {v[i]};
    }
    return out;
  }

  /** The Keras model: Dense(2) "out_a" and Dense(1, sigmoid) "out_b" on three inputs, with the fixed weights. */
  static Model model(CompileOptions options) {
    KerasTensor in = Input.of(3);
    Model m = new Model(List.of(in), List.of(new Dense(2).name("out_a").apply(in),
        new Dense(1).activation("sigmoid").name("out_b").apply(in)));
    m.compile(options.optimizer(new SGD(0.1)).loss("mse", "binary_crossentropy"));
    m.setWeights(List.of(new float[][] {{0.4f, -0.2f}, {-0.3f, 0.1f}, {0.2f, 0.5f}}, new float[] {0.05f, -0.1f},
        new float[][] {{0.3f}, {-0.6f}, {0.25f}}, new float[] {0.1f}));
    return m;
  }

  /** Keras' log names, in order. */
  static List<String> metricNames(java.util.Collection<String> keys) {
    return new ArrayList<>(keys);
  }

  @SuppressWarnings("unchecked")
  static void assertLikeKeras(String name, Model m) {
    Map<String, Object> k = keras(name);
    Map<String, Double> initial = m.evaluate(X, List.of(Y_A, Y_B), SW, 4);
    Map<String, Object> kInitial = (Map<String, Object>) k.get("initial_evaluate");
    assertEquals(new TreeSet<>(metricNames(kInitial.keySet())), new TreeSet<>(initial.keySet()), name);
    initial.forEach((key, v) -> assertEquals(((Number) kInitial.get(key)).doubleValue(), v, 1e-5, name + " " + key));
    var history = m.fit(X, List.of(Y_A, Y_B), new FitOptions().epochs(2).batchSize(4).shuffle(false).verbose(0)
        .sampleWeight(SW)).history();
    Map<String, List<Number>> kHistory = (Map<String, List<Number>>) k.get("history");
    assertEquals(new TreeSet<>(metricNames(kHistory.keySet())), new TreeSet<>(history.keySet()), name);
    history.forEach((key, vs) -> {
      for (int e = 0; e < 2; e++) {
        assertEquals(kHistory.get(key).get(e).doubleValue(), vs.get(e), 1e-4, name + " " + key + " epoch " + e);
      }
    });
    Map<String, Double> evaluate = m.evaluate(X, List.of(Y_A, Y_B), SW, 4);
    Map<String, Object> kEvaluate = (Map<String, Object>) k.get("evaluate");
    evaluate.forEach((key, v) -> assertEquals(((Number) kEvaluate.get(key)).doubleValue(), v, 1e-4, name + " " + key));
    Map<String, Object> config = m.compileConfig();
    Map<String, Object> kConfig = (Map<String, Object>) k.get("compile_config");
    assertEquals(kConfig.get("metrics"), config.get("metrics"), name + " metrics");
    assertEquals(kConfig.get("weighted_metrics"), config.get("weighted_metrics"), name + " weighted_metrics");
  }

  @Test
  void aListPerOutputAsKeras() {
    // Keras: metrics=[["mae"], ["accuracy", "mse"]], weighted_metrics=[None, ["accuracy"]]
    try (Model m = model(new CompileOptions().metrics(Arrays.asList(List.of("mae"), List.of("accuracy", "mse")))
        .weightedMetrics(Arrays.asList(null, List.of("accuracy"))))) {
      assertLikeKeras("list_of_lists", m);
    }
  }

  @Test
  void aDictByOutputNameAsKeras() {
    // Keras: metrics={"out_a": "mae", "out_b": ["accuracy"]}, weighted_metrics={"out_b": ["mse"]}
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("out_a", "mae");
    metrics.put("out_b", List.of("accuracy"));
    try (Model m = model(new CompileOptions().metrics(metrics).weightedMetrics(Map.of("out_b", List.of("mse"))))) {
      assertLikeKeras("dict", m);
    }
  }

  @Test
  void aFlatListAsLongAsTheOutputsGivesOneMetricPerOutput() {
    // Keras: metrics=["mae", "accuracy"] on two outputs
    try (Model m = model(new CompileOptions().metrics("mae", "accuracy"))) {
      assertLikeKeras("one_per_output", m);
    }
  }

  @Test
  void emptyAndNullEntriesGiveNoMetricsAndOtherLengthsApplyEveryMetric() {
    try (Model m = model(new CompileOptions().metrics(Arrays.asList(List.of(), List.of("mae"))))) {
      assertEquals(List.of("loss", "out_b_mae", "out_a_loss", "out_b_loss"), List.copyOf(m.evaluate(X, List.of(Y_A, Y_B), 4).keySet()));
    }
    try (Model m = model(new CompileOptions().metrics(List.of("mae", "accuracy")))) {
      assertEquals(List.of("loss", "out_a_mae", "out_b_accuracy", "out_a_loss", "out_b_loss"),
          List.copyOf(m.evaluate(X, List.of(Y_A, Y_B), 4).keySet()));
    }
    try (Model m = model(new CompileOptions().metrics("mae"))) {
      assertEquals(List.of("loss", "out_a_mae", "out_b_mae", "out_a_loss", "out_b_loss"),
          List.copyOf(m.evaluate(X, List.of(Y_A, Y_B), 4).keySet()));
    }
    try (Model m = model(new CompileOptions().metrics(Map.of("out_b", new MeanAbsoluteError().name("b_mae"))))) {
      assertEquals(List.of("loss", "out_b_b_mae", "out_a_loss", "out_b_loss"), List.copyOf(m.evaluate(X, List.of(Y_A, Y_B), 4).keySet()));
    }
  }

  @Test
  void anUnknownOutputNameOrAWrongNestingIsRefused() {
    try (Model m = model(new CompileOptions().metrics(Map.of("out_c", List.of("mae"))))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.evaluate(X, List.of(Y_A, Y_B), 4));
      assertTrue(e.getMessage().contains("[out_a, out_b]") && e.getMessage().contains("out_c"), e.getMessage());
    }
    try (Model m = model(new CompileOptions().metrics(Arrays.asList(List.of("mae"), List.of("mse"),
        List.of("mae"))))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.evaluate(X, List.of(Y_A, Y_B), 4));
      assertTrue(e.getMessage().contains("one entry per output"), e.getMessage());
    }
  }

  /** The files Keras saved load with Keras' compile_config, log names and (untrained) evaluate values. */
  @Test
  @SuppressWarnings("unchecked")
  void kerasFilesLoadWithTheSameMetrics(@TempDir Path dir) throws Exception {
    for (String name : List.of("list_of_lists", "dict", "one_per_output")) {
      Path file = dir.resolve(name + ".keras");
      try (InputStream in = getClass().getResourceAsStream(DIR + name + ".keras")) {
        Files.copy(in, file);
      }
      Map<String, Object> k = keras(name);
      Map<String, Object> kConfig = (Map<String, Object>) k.get("compile_config");
      try (Model m = Models.loadModel(file)) {
        assertEquals(kConfig.get("metrics"), m.compileConfig().get("metrics"), name);
        assertEquals(kConfig.get("weighted_metrics"), m.compileConfig().get("weighted_metrics"), name);
        Map<String, Double> logs = m.evaluate(X, List.of(Y_A, Y_B), SW, 4);
        Map<String, Object> kInitial = (Map<String, Object>) k.get("initial_evaluate");
        assertEquals(new TreeSet<>(metricNames(kInitial.keySet())), new TreeSet<>(logs.keySet()), name);
        logs.forEach((key, v) -> assertEquals(((Number) kInitial.get(key)).doubleValue(), v, 1e-5, name + " " + key));
        Path again = dir.resolve(name + "-again.keras");
        m.save(again);
        try (Model back = Models.loadModel(again)) {
          assertEquals(m.compileConfig().get("metrics"), back.compileConfig().get("metrics"), name);
          assertEquals(logs.keySet(), back.evaluate(X, List.of(Y_A, Y_B), SW, 4).keySet(), name);
        }
      }
    }
  }

  /** Keras 3.15.1's {@code metrics_names} for this model, before and after a step (printed by Keras). */
  @Test
  void metricsNamesAsKeras() {
    try (Model m = model(new CompileOptions().metrics(Arrays.asList(List.of("mae"), List.of("accuracy"))))) {
      assertEquals(List.of("loss", "compile_metrics"), m.metricsNames());
      m.evaluate(X, List.of(Y_A, Y_B), 4);
      assertEquals(List.of("loss", "compile_metrics", "out_a_loss", "out_b_loss"), m.metricsNames());
    }
    try (Model plain = model(new CompileOptions())) {
      assertEquals(List.of("loss"), plain.metricsNames());
    }
  }
}
