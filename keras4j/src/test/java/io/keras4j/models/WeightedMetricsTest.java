package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.metrics.MeanAbsoluteError;
import io.keras4j.optimizers.SGD;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras' rule for weights and metrics: {@code sample_weight} and {@code class_weight} weigh the loss and the
 * {@code weighted_metrics}, never the plain {@code metrics}, in fit, validation and evaluate.
 *
 * <p>The model is the identity ({@code Dense(1)} with kernel 1 and bias 0, frozen by a learning rate of 0), so
 * its predictions are the inputs 0.9, 0.7, 0.8, 0.1 for the labels 1, 1, 0, 0: thresholded at 0.5 they are right,
 * right, wrong, right (plain accuracy 3/4), and their squared errors are 0.01, 0.09, 0.64, 0.01 (plain mse
 * 0.75 / 4 = 0.1875).
 */
class WeightedMetricsTest {
  static final float[][] X = {{0.9f}, {0.7f}, {0.8f}, {0.1f}};
  static final float[] Y = {1, 1, 0, 0};
  static final float[] SW = {1, 0, 2, 1};
  static final Map<Integer, Double> CLASS_WEIGHT = Map.of(0, 1.0, 1, 3.0);

  static Sequential identity(CompileOptions options) {
    Backend.setRandomSeed(1);
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(options.optimizer(new SGD(0)).loss("mse"));
    m.setWeights(List.of(new float[][] {{1f}}, new float[] {0f}));
    return m;
  }

  static CompileOptions accuracyAndMse() {
    return new CompileOptions().metrics("accuracy", "mse").weightedMetrics("accuracy", "mse");
  }

  @Test
  void evaluateWeighsTheLossAndTheWeightedMetricsOnly() {
    Sequential m = identity(accuracyAndMse());
    // batches of 2: weights (1, 0) then (2, 1)
    Map<String, Double> logs = m.evaluate(X, Y, SW, 2);
    assertEquals(List.of("loss", "accuracy", "mse", "weighted_accuracy", "weighted_mse"), List.copyOf(logs.keySet()));
    // weighted squared errors 0.01 + 0 + 1.28 + 0.01 = 1.30 over 4 samples (sum_over_batch_size)
    assertEquals(1.30 / 4, logs.get("loss"), 1e-6);
    assertEquals(0.75, logs.get("accuracy"), 1e-6);
    assertEquals(0.1875, logs.get("mse"), 1e-6);
    // right with weights 1 and 1 (the sample of weight 0 is right too) out of a total weight of 4
    assertEquals(2.0 / 4, logs.get("weighted_accuracy"), 1e-6);
    assertEquals(1.30 / 4, logs.get("weighted_mse"), 1e-6);
  }

  @Test
  void withoutSampleWeightsWeightedMetricsEqualPlainOnes() {
    Map<String, Double> logs = identity(accuracyAndMse()).evaluate(X, Y, 2);
    assertEquals(logs.get("accuracy"), logs.get("weighted_accuracy"), 1e-7);
    assertEquals(logs.get("mse"), logs.get("weighted_mse"), 1e-7);
  }

  @Test
  void fitWeighsTrainingByClassAndValidationBySampleWeightOnly() {
    Sequential m = identity(accuracyAndMse());
    var history = m.fit(X, Y, new FitOptions().epochs(2).batchSize(2).shuffle(false).verbose(0)
        .classWeight(CLASS_WEIGHT).validationData(X, Y, SW)).history();
    assertEquals(List.of("loss", "accuracy", "mse", "weighted_accuracy", "weighted_mse", "val_loss", "val_accuracy",
        "val_mse", "val_weighted_accuracy", "val_weighted_mse"), List.copyOf(history.keySet()));
    // class weights 3, 3, 1, 1: weighted squared errors 0.03 + 0.27 + 0.64 + 0.01 = 0.95
    for (int epoch = 0; epoch < 2; epoch++) {
      assertEquals(0.95 / 4, history.get("loss").get(epoch), 1e-6);
      assertEquals(0.75, history.get("accuracy").get(epoch), 1e-6);
      assertEquals(0.1875, history.get("mse").get(epoch), 1e-6);
      assertEquals((3 + 3 + 1) / 8.0, history.get("weighted_accuracy").get(epoch), 1e-6);
      assertEquals(0.95 / 8, history.get("weighted_mse").get(epoch), 1e-6);
      assertEquals(1.30 / 4, history.get("val_loss").get(epoch), 1e-6);
      assertEquals(0.75, history.get("val_accuracy").get(epoch), 1e-6);
      assertEquals(2.0 / 4, history.get("val_weighted_accuracy").get(epoch), 1e-6);
    }
  }

  @Test
  void aValidationSplitIsNotClassWeighted() {
    float[][] x = new float[8][];
    float[] y = new float[8];
    for (int i = 0; i < 8; i++) {
      x[i] = X[i % 4];
      y[i] = Y[i % 4];
    }
    Sequential m = identity(accuracyAndMse());
    var history = m.fit(x, y, new FitOptions().epochs(1).batchSize(2).shuffle(false).verbose(0)
        .classWeight(CLASS_WEIGHT).validationSplit(0.5)).history();
    assertEquals((3 + 3 + 1) / 8.0, history.get("weighted_accuracy").get(0), 1e-6);
    // Keras splits x, y and sample_weight first and turns class_weight into sample weights for training only
    assertEquals(0.1875, history.get("val_loss").get(0), 1e-6);
    assertEquals(0.75, history.get("val_weighted_accuracy").get(0), 1e-6);
  }

  @Test
  void aDatasetIsClassWeightedToo() {
    Sequential m = identity(accuracyAndMse());
    var history = m.fit(Dataset.fromArrays(X, Y, 2, false, null), new FitOptions().epochs(1).verbose(0)
        .classWeight(CLASS_WEIGHT)).history();
    assertEquals(0.95 / 4, history.get("loss").get(0), 1e-6);
    assertEquals(0.75, history.get("accuracy").get(0), 1e-6);
    assertEquals((3 + 3 + 1) / 8.0, history.get("weighted_accuracy").get(0), 1e-6);
  }

  @Test
  void namesFollowKerasCompileMetricsResult() {
    Sequential twice = identity(new CompileOptions().metrics("accuracy", "accuracy").weightedMetrics("accuracy",
        "accuracy"));
    assertEquals(List.of("loss", "accuracy", "accuracy_1", "weighted_accuracy", "weighted_accuracy_1"),
        List.copyOf(twice.evaluate(X, Y, SW, 2).keySet()));
    Map<String, Double> only = identity(new CompileOptions().weightedMetrics("accuracy")).evaluate(X, Y, SW, 2);
    assertEquals(List.of("loss", "accuracy"), List.copyOf(only.keySet()));
    assertEquals(0.5, only.get("accuracy"), 1e-6); // the weighted one, under its own name
  }

  @Test
  void severalOutputsPrefixTheOutputName() {
    Backend.setRandomSeed(1);
    KerasTensor in = Input.of(1);
    Model m = new Model(List.of(in), List.of(new Dense(1).name("a").apply(in), new Dense(1).name("b").apply(in)));
    m.compile(new CompileOptions().optimizer(new SGD(0)).loss("mse").metrics("mae").weightedMetrics("mae"));
    Map<String, Double> logs = m.evaluate(X, List.of(Y, Y), SW, 2);
    assertEquals(List.of("loss", "a_mae", "b_mae", "a_weighted_mae", "b_weighted_mae", "a_loss", "b_loss"), List.copyOf(logs.keySet()));
  }

  @Test
  void oneMetricObjectInBothListsIsRefused() {
    MeanAbsoluteError mae = new MeanAbsoluteError();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> identity(new CompileOptions().metrics(mae).weightedMetrics(mae)));
    assertTrue(e.getMessage().contains("weighted_metrics") && e.getMessage().contains("mean_absolute_error"),
        e.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void weightedMetricsSurviveCompileConfigAndSaving(@TempDir Path dir) {
    Sequential m = identity(new CompileOptions().metrics("accuracy")
        .weightedMetrics("accuracy", new MeanAbsoluteError().name("w_mae")));
    Map<String, Object> c = m.compileConfig();
    assertEquals(List.of("accuracy"), c.get("metrics"));
    List<Object> weighted = (List<Object>) c.get("weighted_metrics");
    assertEquals("accuracy", weighted.get(0));
    Map<String, Object> mae = (Map<String, Object>) weighted.get(1);
    assertEquals("MeanAbsoluteError", mae.get("class_name"));
    assertEquals("w_mae", ((Map<String, Object>) mae.get("config")).get("name"));
    Path file = dir.resolve("weighted.keras");
    m.save(file);
    Model loaded = Models.loadModel(file);
    assertEquals(c.get("weighted_metrics"), loaded.compileConfig().get("weighted_metrics"));
    assertEquals(m.evaluate(X, Y, SW, 2), loaded.evaluate(X, Y, SW, 2));
  }

  private static float[][] matrix(Object rows) {
    List<?> r = (List<?>) rows;
    float[][] m = new float[r.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(r.get(i));
    }
    return m;
  }

  private static float[] vector(Object values) {
    List<?> v = (List<?>) values;
    float[] a = new float[v.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = ((Number) v.get(i)).floatValue();
    }
    return a;
  }

  /**
   * Keras 3.15.1's trajectory ({@code tools/keras-reference/weighted_metrics.py}): fixed initial weights, SGD,
   * 3 epochs with class_weight and validation data with sample weights, then evaluate with sample weights.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aKerasTrajectoryWithClassWeightsMatches() throws Exception {
    Map<String, Object> ref;
    try (var in = WeightedMetricsTest.class.getResourceAsStream("weighted_metrics.json")) {
      ref = new ObjectMapper().readValue(in, Map.class);
    }
    Map<Integer, Double> classWeight = new HashMap<>();
    ((Map<String, Object>) ref.get("class_weight")).forEach((k, v) -> classWeight.put(Integer.parseInt(k),
        ((Number) v).doubleValue()));
    Backend.setRandomSeed(1);
    Sequential m = new Sequential();
    m.add(new Dense(1).activation("sigmoid").inputDim(3));
    m.compile(new CompileOptions().optimizer(new SGD(((Number) ref.get("learning_rate")).doubleValue()))
        .loss("binary_crossentropy").metrics("accuracy").weightedMetrics("accuracy", "mse"));
    float[] kernel = vector(ref.get("kernel"));
    m.setWeights(List.of(new float[][] {{kernel[0]}, {kernel[1]}, {kernel[2]}}, vector(ref.get("bias"))));
    float[][] x = matrix(ref.get("x"));
    float[] y = vector(ref.get("y"));
    var history = m.fit(x, y, new FitOptions().epochs((Integer) ref.get("epochs"))
        .batchSize((Integer) ref.get("batch_size")).shuffle(false).verbose(0).classWeight(classWeight)
        .validationData(matrix(ref.get("val_x")), vector(ref.get("val_y")), vector(ref.get("val_sample_weight"))))
        .history();
    Map<String, List<Number>> expected = (Map<String, List<Number>>) ref.get("history");
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(history.keySet()));
    expected.forEach((key, values) -> {
      for (int epoch = 0; epoch < values.size(); epoch++) {
        assertEquals(values.get(epoch).doubleValue(), history.get(key).get(epoch), 1e-5, key + " epoch " + epoch);
      }
    });
    Map<String, Double> logs = m.evaluate(x, y, vector(ref.get("eval_sample_weight")),
        (Integer) ref.get("batch_size"));
    Map<String, Number> evaluate = (Map<String, Number>) ref.get("evaluate");
    assertEquals(new TreeSet<>(evaluate.keySet()), new TreeSet<>(logs.keySet()));
    evaluate.forEach((key, value) -> assertEquals(value.doubleValue(), logs.get(key), 1e-5, key));
  }
}
