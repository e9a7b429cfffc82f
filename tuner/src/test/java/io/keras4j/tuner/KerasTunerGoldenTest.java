package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keras4j's oracles against KerasTuner's, driven the same way (tools/keras-reference/kerastuner_oracles.py wrote
 * kerastuner/oracles.json with KerasTuner 1.4.7): the same values for the same seed, the same grid order, the same
 * Hyperband sequence and the same config.
 */
class KerasTunerGoldenTest {
  static Map<String, Object> golden;

  @TempDir
  Path dir;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = KerasTunerGoldenTest.class.getResourceAsStream("/kerastuner/oracles.json")) {
      golden = new ObjectMapper().readValue(in, new TypeReference<>() {});
    }
  }

  static HyperParameters mixedSpace() {
    HyperParameters hp = new HyperParameters();
    hp.Int("units", 32, 512, 32);
    hp.Float("lr", 1e-4, 1e-1, "log");
    hp.Float("momentum", 0.5, 0.99, "reverse_log");
    hp.Int("width", 1, 100, "log");
    hp.Choice("act", "relu", "tanh", "elu");
    hp.Boolean("bn");
    hp.Choice("model", "linear", "dnn");
    try (var s = hp.conditionalScope("model", "dnn")) {
      hp.Int("layers", 1, 3);
    }
    return hp;
  }

  private static Oracle.Settings settings(HyperParameters space, Integer maxTrials) {
    Oracle.Settings s = new Oracle.Settings();
    s.objective = new Objective("score", "max");
    s.maxTrials = maxTrials;
    s.seed = 1;
    s.hyperparameters = space;
    return s;
  }

  private List<Trial> drive(Oracle oracle, ToDoubleFunction<Map<String, Object>> score) {
    oracle.projectDir(dir);
    List<Trial> out = new ArrayList<>();
    while (true) {
      Trial t = oracle.createTrial("tuner0");
      if (!t.status().equals(Trial.RUNNING)) {
        return out;
      }
      oracle.updateTrial(t.trialId(), Map.of("score", score.applyAsDouble(t.hyperparameters().values())), 0);
      t.status(Trial.COMPLETED);
      oracle.endTrial(t);
      out.add(t);
    }
  }

  private static List<Map<String, Object>> idsAndValues(List<Trial> trials) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Trial t : trials) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trial_id", t.trialId());
      m.put("values", t.hyperparameters().values());
      out.add(m);
    }
    return out;
  }

  @Test
  void randomSearchDrawsKerasTunersValues() {
    List<Trial> trials = drive(new RandomSearchOracle(settings(mixedSpace(), 8)), v -> (Double) v.get("lr"));
    assertEquals(golden.get("random"), idsAndValues(trials));
  }

  @Test
  void trialJsonIsKerasTuners() throws Exception {
    drive(new RandomSearchOracle(settings(mixedSpace(), 8)), v -> (Double) v.get("lr"));
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> ours = json.readValue(dir.resolve("trial_4").resolve("trial.json").toFile(),
        new TypeReference<>() {});
    assertEquals(golden.get("trial_4_json"), ours);
  }

  @Test
  void gridSearchWalksKerasTunersOrder() {
    HyperParameters hp = new HyperParameters();
    hp.Choice("model", "linear", "dnn");
    try (var s = hp.conditionalScope("model", "dnn")) {
      hp.Int("layers", 1, 3);
    }
    hp.Boolean("bn");
    List<Trial> trials = drive(new GridSearchOracle(settings(hp, null)), v -> 1.0);
    assertEquals(golden.get("grid"), idsAndValues(trials));
  }

  @Test
  void hyperbandRunsKerasTunersSequence() {
    HyperParameters hp = new HyperParameters();
    hp.Float("x", 0, 1);
    List<Trial> trials = drive(new HyperbandOracle(settings(hp, null), 27, 3, 1), v -> (Double) v.get("x"));
    List<List<Object>> got = new ArrayList<>();
    for (Trial t : trials) {
      Map<String, Object> v = t.hyperparameters().values();
      got.add(Arrays.asList(t.trialId(), v.get("tuner/bracket"), v.get("tuner/round"), v.get("tuner/epochs"),
          v.get("tuner/initial_epoch"), v.get("tuner/trial_id"), v.get("x")));
    }
    assertEquals(golden.get("hyperband"), got);
  }

  @Test
  void configIsKerasTuners() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> ours = json.readValue(json.writeValueAsString(mixedSpace().getConfig()),
        new TypeReference<>() {});
    assertEquals(golden.get("config"), ours);
  }
}
