package io.keras4j.saving.formats;

import io.keras4j.saving.KerasObjects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.layers.Dense;
import io.keras4j.losses.BinaryFocalCrossentropy;
import io.keras4j.losses.Huber;
import io.keras4j.metrics.AUC;
import io.keras4j.metrics.BinaryAccuracy;
import io.keras4j.metrics.Precision;
import io.keras4j.metrics.Recall;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import io.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compiled model's optimizer (with its learning-rate schedule), loss parameters and metric parameters survive a
 * {@code .keras} save and load, and Keras' own serialized optimizer reads back.
 */
class CompileConfigsTest {
  private static final float[][] X = {{0.2f, -1f, 0.5f}, {1f, 0.3f, -0.4f}, {-0.7f, 0.8f, 0.1f}, {0.5f, 0.5f, 0.9f}};
  private static final float[][] Y = {{1, 0}, {0, 1}, {1, 1}, {0, 0}};

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configOf(Object serialized) {
    return (Map<String, Object>) ((Map<String, Object>) serialized).get("config");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> metricsOf(Model m) {
    return (List<Object>) m.compileConfig().get("metrics");
  }

  @Test
  void scheduleLossAndMetricParametersSurviveSaveAndLoad(@TempDir Path dir) {
    Sequential m = new Sequential();
    m.add(new Dense(2).activation("sigmoid").inputShape(3));
    m.compile(new CompileOptions()
        .optimizer(new Adam(new ExponentialDecay(0.1, 2, 0.5).staircase(true)).beta1(0.8).clipnorm(1))
        .loss(new BinaryFocalCrossentropy().applyClassBalancing(true).alpha(0.4).gamma(3).labelSmoothing(0.05))
        .metrics(new AUC().curve("PR").numThresholds(50).summationMethod("majoring").name("pr_auc"),
            new Precision().thresholds(0.3, 0.7), new Recall().topK(1).classId(1),
            new BinaryAccuracy().threshold(0.6)));
    m.fit(X, Y, new FitOptions().epochs(3).batchSize(2).shuffle(false).verbose(0));
    Path file = dir.resolve("compiled.keras");
    m.save(file);
    Model loaded = Models.loadModel(file);

    Optimizer opt = loaded.optimizer();
    assertInstanceOf(Adam.class, opt);
    assertEquals(6, opt.iterations());
    // as in Keras, no learning-rate variable beside a schedule: iterations, then m and v of kernel and bias
    assertEquals(5, opt.variables().size());
    ExponentialDecay schedule = assertInstanceOf(ExponentialDecay.class, opt.schedule());
    // 6 steps with staircase decay every 2 steps: 0.1 * 0.5^3
    assertEquals(0.0125, opt.learningRate(), 1e-9);
    assertEquals(Map.of("name", "ExponentialDecay", "initial_learning_rate", 0.1, "decay_steps", 2L,
        "decay_rate", 0.5, "staircase", true), schedule.getConfig());
    Map<String, Object> oc = opt.getConfig();
    assertEquals(0.8, oc.get("beta_1"));
    assertEquals(1.0, oc.get("clipnorm"));

    Map<String, Object> loss = configOf(loaded.compileConfig().get("loss"));
    assertEquals(true, loss.get("apply_class_balancing"));
    assertEquals(0.4, loss.get("alpha"));
    assertEquals(3.0, loss.get("gamma"));
    assertEquals(0.05, loss.get("label_smoothing"));

    List<Object> metrics = metricsOf(loaded);
    Map<String, Object> auc = configOf(metrics.get(0));
    assertEquals("pr_auc", auc.get("name"));
    assertEquals("PR", auc.get("curve"));
    assertEquals(50, auc.get("num_thresholds"));
    assertEquals("majoring", auc.get("summation_method"));
    assertEquals(List.of(0.3, 0.7), configOf(metrics.get(1)).get("thresholds"));
    assertEquals(1, configOf(metrics.get(2)).get("top_k"));
    assertEquals(1, configOf(metrics.get(2)).get("class_id"));
    assertEquals(0.6, configOf(metrics.get(3)).get("threshold"));

    // the loaded model computes what the original does
    assertEquals(m.evaluate(X, Y), loaded.evaluate(X, Y));
  }

  @Test
  void hubersDeltaAndAPiecewiseScheduleSurvive(@TempDir Path dir) {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputShape(3));
    m.compile(new CompileOptions()
        .optimizer(new SGD(new PiecewiseConstantDecay(new long[] {1}, new double[] {0.1, 0.01})).momentum(0.5))
        .loss(new Huber().delta(2.5).reduction("sum")).metrics("mae"));
    Path file = dir.resolve("huber.keras");
    m.save(file);
    Model loaded = Models.loadModel(file);
    Map<String, Object> loss = configOf(loaded.compileConfig().get("loss"));
    assertEquals(2.5, loss.get("delta"));
    assertEquals("sum", loss.get("reduction"));
    SGD sgd = assertInstanceOf(SGD.class, loaded.optimizer());
    assertEquals(0.5, sgd.getConfig().get("momentum"));
    assertEquals(0.1, sgd.learningRate(), 1e-9);
    assertInstanceOf(PiecewiseConstantDecay.class, sgd.schedule());
    assertEquals(List.of("mae"), metricsOf(loaded));
  }

  /** Keras 3.15.1's {@code serialize_keras_object(Adam(ExponentialDecay(0.1, 10, 0.9)))}, as its JSON. */
  private static final String KERAS_ADAM = """
      {"module": "keras.optimizers", "class_name": "Adam", "config": {"name": "adam_1", "learning_rate":
      {"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay", "config": {"initial_learning_rate":
      0.1, "decay_steps": 10, "decay_rate": 0.9, "staircase": false, "name": "ExponentialDecay"},
      "registered_name": null}, "weight_decay": null, "clipnorm": null, "global_clipnorm": null, "clipvalue": null,
      "use_ema": false, "ema_momentum": 0.99, "ema_overwrite_frequency": null, "loss_scale_factor": null,
      "gradient_accumulation_steps": null, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": false},
      "registered_name": null}""";

  @Test
  @SuppressWarnings("unchecked")
  void kerasSerializedOptimizerWithScheduleReadsAndWritesBack() throws Exception {
    Map<String, Object> keras = new ObjectMapper().readValue(KERAS_ADAM, Map.class);
    Optimizer opt = Optimizers.get(keras);
    assertEquals("adam_1", opt.name());
    // 0.1 * 0.9^(5/10) at step 5
    assertEquals(0.1 * Math.sqrt(0.9), opt.schedule().value(5), 1e-12);
    Map<String, Object> lr = (Map<String, Object>) opt.getConfig().get("learning_rate");
    assertEquals("keras.optimizers.schedules", lr.get("module"));
    assertEquals("ExponentialDecay", lr.get("class_name"));
    assertTrue(lr.containsKey("registered_name"));
    assertNull(lr.get("registered_name"));
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> back = json.readValue(json.writeValueAsString(KerasObjects.serialize(opt)), Map.class);
    assertEquals(keras, back);
  }

  /**
   * Keras 3.15.1's {@code model.get_compile_config()} for SGD(CosineDecay(0.1, 100, alpha=0.1, warmup_target=0.2,
   * warmup_steps=10), momentum=0.9), BinaryCrossentropy(from_logits=True, label_smoothing=0.1) and the metrics
   * AUC(curve="PR", num_thresholds=50), Precision(thresholds=[0.3, 0.7]), "accuracy".
   */
  private static final String KERAS_COMPILE_CONFIG = """
      {"optimizer": {"module": "keras.optimizers", "class_name": "SGD", "config": {"name": "sgd", "learning_rate":
      {"module": "keras.optimizers.schedules", "class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1,
      "decay_steps": 100, "alpha": 0.1, "name": "CosineDecay", "warmup_target": 0.2, "warmup_steps": 10},
      "registered_name": null}, "weight_decay": null, "clipnorm": null, "global_clipnorm": null, "clipvalue": null,
      "use_ema": false, "ema_momentum": 0.99, "ema_overwrite_frequency": null, "loss_scale_factor": null,
      "gradient_accumulation_steps": null, "momentum": 0.9, "nesterov": false}, "registered_name": null},
      "loss": {"module": "keras.losses", "class_name": "BinaryCrossentropy", "config": {"name":
      "binary_crossentropy", "reduction": "sum_over_batch_size", "from_logits": true, "label_smoothing": 0.1,
      "axis": -1}, "registered_name": null}, "loss_weights": null, "metrics": [{"module": "keras.metrics",
      "class_name": "AUC", "config": {"name": "auc", "dtype": "float32", "num_thresholds": 50, "curve": "PR",
      "summation_method": "interpolation", "multi_label": false, "num_labels": null, "label_weights": null,
      "from_logits": false}, "registered_name": null}, {"module": "keras.metrics", "class_name": "Precision",
      "config": {"name": "precision", "dtype": "float32", "thresholds": [0.3, 0.7], "top_k": null, "class_id":
      null}, "registered_name": null}, "accuracy"], "weighted_metrics": null, "run_eagerly": false,
      "steps_per_execution": 1, "jit_compile": false}""";

  @Test
  @SuppressWarnings("unchecked")
  void kerasCompileConfigReadsAndWritesBackUnchanged() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> keras = json.readValue(KERAS_COMPILE_CONFIG, Map.class);
    Sequential m = new Sequential();
    m.add(new Dense(2).activation("sigmoid").inputShape(3));
    m.compile(CompileConfigs.fromConfig(keras));
    Map<String, Object> ours = json.readValue(json.writeValueAsString(m.compileConfig()), Map.class);
    for (String key : new String[] {"optimizer", "loss", "metrics", "loss_weights", "steps_per_execution"}) {
      assertEquals(keras.get(key), ours.get(key), key);
    }
    // warmup from 0.1 to 0.2 over 10 steps: 0.15 at step 5
    assertEquals(0.15, m.optimizer().schedule().value(5), 1e-12);
  }

  /** A model compiled and trained two steps by Keras 3.15.1 ({@code tools/keras-reference/compiled_model.py}). */
  @Test
  void aKerasFileRestoresItsScheduleOptimizerStateLossAndMetrics(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k.keras");
    try (var in = CompileConfigsTest.class.getResourceAsStream("keras_compiled_objects.keras")) {
      java.nio.file.Files.copy(in, file);
    }
    Model m = Models.loadModel(file);
    Optimizer opt = m.optimizer();
    assertInstanceOf(Adam.class, opt);
    assertEquals(0.8, opt.getConfig().get("beta_1"));
    assertEquals(2, opt.iterations());
    // PolynomialDecay(0.1, 10, end 0.01, power 2) at step 2: 0.09 * (1 - 2/10)^2 + 0.01
    assertEquals(0.09 * 0.64 + 0.01, opt.learningRate(), 1e-9);
    assertEquals(0.2, configOf(m.compileConfig().get("loss")).get("label_smoothing"));
    List<Object> metrics = metricsOf(m);
    assertEquals(1, configOf(metrics.get(0)).get("k"));
    assertEquals(1, configOf(metrics.get(1)).get("class_id"));
    float[][] y = {{1, 0}, {0, 1}};
    m.fit(new float[][] {{0.2f, -1f, 0.5f}, {1f, 0.3f, -0.4f}}, y, new FitOptions().epochs(1).batchSize(2).verbose(0));
    assertEquals(3, opt.iterations());
  }

  @Test
  void emaLossScalingAndAccumulationAreReadFromConfigs() {
    Adam a = Adam.fromConfig(Map.of("use_ema", true, "loss_scale_factor", 2, "gradient_accumulation_steps", 2));
    assertEquals(true, a.getConfig().get("use_ema"));
    assertEquals(2.0, a.getConfig().get("loss_scale_factor"));
    assertEquals(2, a.getConfig().get("gradient_accumulation_steps"));
  }

  @Test
  void kerasDefaultsAreAccepted() {
    Adam a = Adam.fromConfig(Map.of("use_ema", false, "ema_momentum", 0.99));
    assertArrayEquals(new Object[] {false, 0.99, null},
        new Object[] {a.getConfig().get("use_ema"), a.getConfig().get("ema_momentum"),
            a.getConfig().get("loss_scale_factor")});
  }

  @Test
  void compileSettingsKeras4jCannotHonourAreRefusedByName() {
    IllegalArgumentException byName = assertThrows(IllegalArgumentException.class, () -> CompileConfigs.fromConfig(
        Map.of("optimizer", "sgd", "loss", "mse", "loss_weights", Map.of("out", 2.0))));
    assertTrue(byName.getMessage().contains("loss_weights"), byName.getMessage());
    IllegalArgumentException weighted = assertThrows(IllegalArgumentException.class, () -> CompileConfigs.fromConfig(
        Map.of("optimizer", "sgd", "loss", "mse", "weighted_metrics", "mae")));
    assertTrue(weighted.getMessage().contains("weighted_metrics=mae"), weighted.getMessage());
  }

  /**
   * Keras 3.15.1's compile_config with {@code weighted_metrics=["accuracy", "mse"]}, from
   * {@code tools/keras-reference/weighted_metrics.py}: read, compiled and written back unchanged.
   */
  @Test
  @SuppressWarnings("unchecked")
  void kerasWeightedMetricsReadAndWriteBack() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> ref;
    try (var in = CompileConfigsTest.class.getResourceAsStream("/io/keras4j/models/weighted_metrics.json")) {
      ref = json.readValue(in, Map.class);
    }
    Map<String, Object> keras = (Map<String, Object>) ref.get("compile_config");
    assertEquals(List.of("accuracy", "mse"), keras.get("weighted_metrics"));
    Sequential m = new Sequential();
    m.add(new Dense(1).activation("sigmoid").inputShape(3));
    m.compile(CompileConfigs.fromConfig(keras));
    Map<String, Object> ours = json.readValue(json.writeValueAsString(m.compileConfig()), Map.class);
    for (String key : new String[] {"loss", "metrics", "weighted_metrics", "loss_weights", "steps_per_execution"}) {
      assertEquals(keras.get(key), ours.get(key), key);
    }
    Map<String, Double> logs = m.evaluate(X, new float[] {1, 0, 1, 0});
    assertEquals(List.of("loss", "accuracy", "weighted_accuracy", "mse"), List.copyOf(logs.keySet()));
  }

  /**
   * Files that Keras 3.15.1 loads with a warning ({@code tools/keras-reference/untrained_compiled.py}): compiled and
   * saved before any step (the optimizer's slots were never created), and with no optimizer in compile_config
   * (Keras compiles with its default, RMSprop). Both load with fresh optimizer state and predict as Keras does:
   * [1, 2, 3] times the kernel [[0, .1], [.2, .3], [.4, .5]] plus the bias [.5, -.5] is [2.1, 1.7].
   */
  @Test
  void kerasFilesSavedBeforeTrainingOrWithoutAnOptimizerLoad(@TempDir Path dir) throws Exception {
    Map<String, Class<?>> files = Map.of("keras_compiled_untrained.keras", Adam.class,
        "keras_compile_config_without_optimizer.keras", io.keras4j.optimizers.RMSprop.class);
    for (Map.Entry<String, Class<?>> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      try (var in = CompileConfigsTest.class.getResourceAsStream(f.getKey())) {
        java.nio.file.Files.copy(in, file);
      }
      try (Model m = Models.loadModel(file)) {
        assertInstanceOf(f.getValue(), m.optimizer(), f.getKey());
        assertEquals(0, m.optimizer().iterations(), f.getKey());
        assertArrayEquals(new float[] {2.1f, 1.7f}, m.predict(new float[][] {{1, 2, 3}}).toFloat2D()[0], 1e-6f);
        m.fit(new float[][] {{1, 2, 3}}, new float[][] {{0, 0}}, new FitOptions().epochs(1).verbose(0));
        assertEquals(1, m.optimizer().iterations(), f.getKey());
      }
    }
  }
}
