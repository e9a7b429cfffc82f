package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.callbacks.CSVLogger;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.EarlyStopping;
import io.keras4j.callbacks.LearningRateScheduler;
import io.keras4j.callbacks.ModelCheckpoint;
import io.keras4j.callbacks.ReduceLROnPlateau;
import io.keras4j.callbacks.TerminateOnNaN;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * keras4j's callbacks replay the epoch (or batch) logs of {@code golden/callbacks/} and must take the decisions
 * real Keras 3.15.1 took on them (written by {@code tools/keras-reference/golden/golden_training.py}): when
 * EarlyStopping stops and whose weights it restores, ReduceLROnPlateau's and LearningRateScheduler's learning rate
 * per epoch, the batch TerminateOnNaN stops at, CSVLogger's file text and the files ModelCheckpoint writes.
 *
 * <p>The model is a {@code Dense(1)} on 2 inputs compiled with SGD, "mse" and metrics ["accuracy", "mae"]; before
 * each epoch's {@code onEpochEnd} its kernel is set to (epoch + 1), so the final kernel names the epoch whose
 * weights the callback kept. Callbacks are not serialized in Keras, so each case's keyword arguments are applied
 * with keras4j's setters.
 */
class CallbackGoldenTest {
  /** The callback classes of keras4j whose behaviour golden files cover; the others are listed with a reason. */
  static final Set<String> COVERED = Set.of("CSVLogger", "EarlyStopping", "LearningRateScheduler",
      "ModelCheckpoint", "ReduceLROnPlateau", "TerminateOnNaN");
  /** keras4j callbacks without golden files: what they do depends on files, the console or user code only. */
  static final Map<String, String> NOT_COVERED = Map.of(
      "BackupAndRestore", "writes and reads its own backup files; no Keras decision to compare",
      "History", "checked by the training trajectories (TrainingGoldenTest)",
      "LambdaCallback", "runs user functions only",
      "ProgbarLogger", "console output",
      "TensorBoard", "event files checked against Keras' own dump in io.keras4j.callbacks.TensorBoardTest");

  /** The LearningRateScheduler functions the generator names (LR_SCHEDULES in golden_training.py). */
  static final Map<String, LearningRateScheduler.Schedule> SCHEDULES = Map.of(
      "halve_after_2", (epoch, lr) -> epoch < 2 ? lr : lr * 0.5,
      "epoch_based", (epoch, lr) -> 0.1 / (1.0 + epoch),
      "exp_decay", (epoch, lr) -> lr * Math.exp(-0.1));

  @TestFactory
  Stream<DynamicTest> callbacksDecideAsKeras() {
    Map<String, BiConsumer<JsonNode, String>> checks = Map.of(
        "EarlyStopping", CallbackGoldenTest::earlyStopping,
        "ReduceLROnPlateau", (c, n) -> epochs(c, n, reduceLr(c.get("kwargs"))),
        "LearningRateScheduler", (c, n) -> epochs(c, n,
            new LearningRateScheduler(SCHEDULES.get(c.get("schedule").asText()))),
        "TerminateOnNaN", CallbackGoldenTest::terminateOnNaN,
        "CSVLogger", CallbackGoldenTest::csvLogger,
        "ModelCheckpoint", CallbackGoldenTest::modelCheckpoint);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("callbacks")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String name = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> checks.get(cls).accept(c, name)));
      }
    }
    return tests.stream();
  }

  // ---- the scripted run, as fit calls the hooks

  private static Sequential model(double learningRate) {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(2));
    m.compile(new CompileOptions().optimizer(new SGD(learningRate)).loss("mse").metrics("accuracy", "mae"));
    return m;
  }

  private static void setEpochWeights(Sequential m, int epoch) {
    m.setWeights(List.of(NDArray.of(new float[] {epoch + 1, epoch + 1}, 2, 1), NDArray.of(new float[] {0}, 1)));
  }

  static Map<String, Double> logs(JsonNode node) {
    Map<String, Double> logs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        JsonNode v = e.getValue();
        logs.put(e.getKey(), v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble());
      }
    }
    return logs;
  }

  /** Replays the case's epoch logs through {@code cb}; returns what the generator records. */
  private static Map<String, Object> run(JsonNode c, Callback cb) {
    try (Sequential m = model(c.path("learning_rate").asDouble(0.1))) {
      cb.setModel(m);
      cb.onTrainBegin(new HashMap<>());
      List<Boolean> stop = new ArrayList<>();
      List<Double> lrs = new ArrayList<>();
      List<Double> logged = new ArrayList<>();
      Map<String, Double> last = new HashMap<>();
      int epoch = 0;
      for (JsonNode epochLogs : c.get("logs")) {
        cb.onEpochBegin(epoch, new HashMap<>());
        setEpochWeights(m, epoch);
        last = logs(epochLogs);
        cb.onEpochEnd(epoch, last);
        stop.add(m.stopTraining());
        lrs.add(m.optimizer().learningRate());
        logged.add(last.get("learning_rate"));
        epoch++;
        if (m.stopTraining()) {
          break;
        }
      }
      cb.onTrainEnd(last);
      Map<String, Object> r = new HashMap<>();
      r.put("epochs_run", stop.size());
      r.put("stop_training", stop);
      r.put("learning_rates", lrs);
      r.put("logged_learning_rates", logged);
      r.put("weights_epoch", Math.round(m.getWeights().get(0).toFloatArray()[0]) - 1);
      return r;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> epochs(JsonNode c, String name, Callback cb) {
    Map<String, Object> r = run(c, cb);
    JsonNode e = c.get("expected");
    assertEquals(e.get("epochs_run").asInt(), r.get("epochs_run"), name + ": epochs run");
    List<Boolean> stop = (List<Boolean>) r.get("stop_training");
    for (int i = 0; i < stop.size(); i++) {
      assertEquals(e.get("stop_training").get(i).asBoolean(), stop.get(i), name + ": stop_training after epoch " + i);
    }
    assertEquals(e.get("weights_epoch").asInt(), ((Number) r.get("weights_epoch")).intValue(),
        name + ": the epoch whose weights the model holds at the end");
    rates(e.get("learning_rates"), (List<Double>) r.get("learning_rates"), name + ": learning rate");
    rates(e.get("logged_learning_rates"), (List<Double>) r.get("logged_learning_rates"),
        name + ": logs[\"learning_rate\"]");
    return r;
  }

  private static void rates(JsonNode expected, List<Double> actual, String what) {
    for (int i = 0; i < actual.size(); i++) {
      JsonNode x = expected.get(i);
      if (x.isNull()) {
        assertEquals(null, actual.get(i), what + " at epoch " + i);
      } else {
        assertTrue(actual.get(i) != null && Math.abs(actual.get(i) - x.asDouble()) <= 1e-6 * x.asDouble() + 1e-9,
            what + " at epoch " + i + " is " + actual.get(i) + ", Keras gives " + x.asDouble());
      }
    }
  }

  // ---- each callback

  private static void earlyStopping(JsonNode c, String name) {
    EarlyStopping es = earlyStopping(c.get("kwargs"));
    epochs(c, name, es);
    assertEquals(c.get("expected").get("stopped_epoch").asInt(), es.stoppedEpoch(), name + ": stopped_epoch");
    assertEquals(c.get("expected").get("best_epoch").asInt(), es.bestEpoch(), name + ": best_epoch");
  }

  /** An EarlyStopping with Keras' keyword arguments {@code k}. */
  static EarlyStopping earlyStopping(JsonNode k) {
    EarlyStopping es = new EarlyStopping();
    es.monitor(k.path("monitor").asText("val_loss"));
    apply(k, Map.of(
        "min_delta", v -> es.minDelta(v.asDouble()),
        "patience", v -> es.patience(v.asInt()),
        "mode", v -> es.mode(v.asText()),
        "baseline", v -> es.baseline(v.asDouble()),
        "restore_best_weights", v -> es.restoreBestWeights(v.asBoolean()),
        "start_from_epoch", v -> es.startFromEpoch(v.asInt())));
    return es;
  }

  /** A ReduceLROnPlateau with Keras' keyword arguments {@code k}. */
  static ReduceLROnPlateau reduceLr(JsonNode k) {
    ReduceLROnPlateau r = new ReduceLROnPlateau();
    r.monitor(k.path("monitor").asText("val_loss"));
    apply(k, Map.of(
        "factor", v -> r.factor(v.asDouble()),
        "patience", v -> r.patience(v.asInt()),
        "mode", v -> r.mode(v.asText()),
        "min_delta", v -> r.minDelta(v.asDouble()),
        "cooldown", v -> r.cooldown(v.asInt()),
        "min_lr", v -> r.minLr(v.asDouble())));
    return r;
  }

  private static void terminateOnNaN(JsonNode c, String name) {
    try (Sequential m = model(0.1)) {
      TerminateOnNaN t = new TerminateOnNaN();
      t.setModel(m);
      t.onTrainBegin(new HashMap<>());
      Integer stoppedAt = null;
      int batch = 0;
      for (JsonNode b : c.get("batch_losses")) {
        t.onTrainBatchEnd(batch, logs(b));
        if (m.stopTraining()) {
          stoppedAt = batch;
          break;
        }
        batch++;
      }
      JsonNode e = c.get("expected").get("stopped_at_batch");
      assertEquals(e.isNull() ? null : e.asInt(), stoppedAt, name + ": the batch training stops at");
    }
  }

  private static void csvLogger(JsonNode c, String name) {
    try {
      Path dir = Files.createTempDirectory("csvlogger");
      Path file = dir.resolve("log.csv");
      if (c.has("existing")) {
        Files.writeString(file, c.get("existing").asText(), StandardCharsets.UTF_8);
      }
      JsonNode k = c.get("kwargs");
      CSVLogger cb = new CSVLogger(file);
      apply(k, Map.of("separator", v -> cb.separator(v.asText()), "append", v -> cb.append(v.asBoolean())));
      run(c, cb);
      assertEquals(c.get("expected").get("text").asText(), Files.readString(file, StandardCharsets.UTF_8),
          name + ": the CSV text");
      Files.delete(file);
      Files.delete(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void modelCheckpoint(JsonNode c, String name) {
    try {
      Path dir = Files.createTempDirectory("checkpoint");
      JsonNode k = c.get("kwargs");
      ModelCheckpoint cb = new ModelCheckpoint(dir.resolve(c.get("filepath").asText()).toString()).saveWeightsOnly(true);
      cb.monitor(k.path("monitor").asText("val_loss"));
      apply(k, Map.of(
          "save_best_only", v -> cb.saveBestOnly(v.asBoolean()),
          "mode", v -> cb.mode(v.asText()),
          "initial_value_threshold", v -> cb.initialValueThreshold(v.asDouble())));
      try (Sequential m = model(0.1)) {
        cb.setModel(m);
        cb.onTrainBegin(new HashMap<>());
        int epoch = 0;
        for (JsonNode epochLogs : c.get("logs")) {
          cb.onEpochBegin(epoch, new HashMap<>());
          Set<String> before = list(dir);
          cb.onEpochEnd(epoch, logs(epochLogs));
          Set<String> saved = list(dir);
          saved.removeAll(before);
          List<String> expected = new ArrayList<>();
          c.get("expected").get("saved").get(epoch).forEach(n -> expected.add(n.asText()));
          assertEquals(expected, new ArrayList<>(saved), name + ": files saved at epoch " + epoch);
          epoch++;
        }
        cb.onTrainEnd(new HashMap<>());
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** Calls the setter of each keyword the case sets ("monitor" is set first by the caller). */
  private static void apply(JsonNode kwargs, Map<String, Function<JsonNode, Object>> setters) {
    for (Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("monitor")) {
        continue;
      }
      Function<JsonNode, Object> setter = setters.get(e.getKey());
      if (setter == null) {
        throw new IllegalStateException("no setter for keyword " + e.getKey());
      }
      setter.apply(e.getValue());
    }
  }

  @Test
  void everyCallbackClassIsCoveredOrListed() throws IOException {
    List<String> golden = Golden.classes("callbacks");
    assertEquals(new TreeSet<>(COVERED), new TreeSet<>(golden), "golden callback files");
    Path src = Path.of("src/main/java/io/keras4j/callbacks");
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.toList()) {
        String cls = p.getFileName().toString().replace(".java", "");
        String text = Files.readString(p);
        if (text.contains("public class " + cls + " extends Callback")) {
          assertTrue(COVERED.contains(cls) || NOT_COVERED.containsKey(cls), "no golden file for callback " + cls);
        }
      }
    }
  }
}
