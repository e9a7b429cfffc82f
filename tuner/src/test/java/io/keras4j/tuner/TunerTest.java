package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.models.FitOptions;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {
  @TempDir
  Path dir;

  /** Stands for the process dying in the middle of a trial: an Error the tuner does not catch. */
  static final class Killed extends Error {
    Killed() {
      super("killed");
    }
  }

  private static HyperParameters xy() {
    HyperParameters hp = new HyperParameters();
    hp.Float("x", 0, 1);
    hp.Float("y", 0, 1);
    return hp;
  }

  private static double score(Trial t) {
    double x = t.hyperparameters().get("x");
    double y = t.hyperparameters().get("y");
    return x + 2 * y;
  }

  /** A random search scoring x + 2y, recording the trials it runs, killed when it reaches {@code killAt}. */
  private RandomSearch search(String project, List<String> ran, String killAt) {
    return new RandomSearch(null, new Objective("score", "max")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        if (trial.trialId().equals(killAt)) {
          throw new Killed();
        }
        ran.add(trial.trialId());
        return Map.of("score", score(trial), "x_again", (double) trial.hyperparameters().get("x"));
      }
    }.maxTrials(6).seed(1).hyperparameters(xy()).directory(dir).projectName(project);
  }

  @Test
  void valuesAreKerasTunersForTheSeed() {
    RandomSearch s = search("seeded", new ArrayList<>(), null);
    s.search(null, null, new FitOptions().verbose(0));
    // seed_state starts at the seed and grows by one per value: x = Random(1).random(), y = Random(2).random(), ...
    Map<String, Trial> trials = s.oracle().trials();
    assertEquals(Map.of("x", 0.13436424411240122, "y", 0.9560342718892494), trials.get("0").hyperparameters().values());
    assertEquals(Map.of("x", 0.23796462709189137, "y", 0.23604808973743452),
        trials.get("1").hyperparameters().values());
  }

  @Test
  void theProjectDirectoryKeepsEachTrial() throws Exception {
    RandomSearch s = search("layout", new ArrayList<>(), null);
    s.search(null, null, new FitOptions().verbose(0));
    Path project = dir.resolve("layout");
    assertTrue(Files.exists(project.resolve("oracle.json")));
    assertTrue(Files.exists(project.resolve("tuner0.json")));
    for (int i = 0; i < 6; i++) {
      Trial t = Trial.load(project.resolve("trial_" + i).resolve("trial.json"));
      assertEquals(String.valueOf(i), t.trialId());
      assertEquals(Trial.COMPLETED, t.status());
      assertEquals(score(t), t.score(), 0);
      assertEquals((double) t.hyperparameters().get("x"), t.metrics().getBestValue("x_again"), 0);
      assertEquals("max", t.metrics().getDirection("score"));
    }
    String json = Files.readString(project.resolve("trial_0").resolve("trial.json"));
    for (String key : List.of("trial_id", "hyperparameters", "metrics", "score", "best_step", "status", "message")) {
      assertTrue(json.contains("\"" + key + "\""), key);
    }
  }

  @Test
  void anInterruptedSearchResumes() {
    List<String> first = new ArrayList<>();
    assertThrows(Killed.class, () -> search("resume", first, "3").search(null, null, new FitOptions().verbose(0)));
    assertEquals(List.of("0", "1", "2"), first);
    Map<String, Object> valuesOfThree = Trial.load(dir.resolve("resume/trial_3/trial.json")).hyperparameters()
        .values();

    List<String> second = new ArrayList<>();
    RandomSearch resumed = search("resume", second, null);
    resumed.search(null, null, new FitOptions().verbose(0));
    assertEquals(List.of("3", "4", "5"), second);
    Map<String, Trial> trials = resumed.oracle().trials();
    assertEquals(6, trials.size());
    assertTrue(trials.values().stream().allMatch(t -> t.status().equals(Trial.COMPLETED)));
    assertEquals(valuesOfThree, trials.get("3").hyperparameters().values());

    RandomSearch straight = search("straight", new ArrayList<>(), null);
    straight.search(null, null, new FitOptions().verbose(0));
    for (String id : List.of("0", "3", "4", "5")) {
      assertEquals(straight.oracle().getTrial(id).hyperparameters().values(),
          trials.get(id).hyperparameters().values(), "trial " + id);
    }
    assertEquals(0, (int) resumed.remainingTrials());
  }

  @Test
  void overwriteStartsAfresh() {
    search("over", new ArrayList<>(), null).search(null, null, new FitOptions().verbose(0));
    RandomSearch again = search("over", new ArrayList<>(), null).overwrite(true);
    assertEquals(0, again.oracle().trials().size());
  }

  @Test
  void resultsSummaryPrintsAsKerasTuner() {
    HyperParameters hp = new HyperParameters();
    hp.Choice("units", 8, 16);
    GridSearch g = new GridSearch(null, new Objective("score", "max")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        return (int) trial.hyperparameters().get("units") == 8 ? 0.5 : 0.75;
      }
    }.hyperparameters(hp).directory(dir).projectName("summary");
    g.search(null, null, new FitOptions().verbose(0));
    // without max_trials KerasTuner pads the ids to len(str(None)) = 4 digits
    assertEquals("Results summary\nResults in " + dir.resolve("summary") + "\nShowing 2 best trials\n"
        + "Objective(name=\"score\", direction=\"max\")\n\n"
        + "Trial 0001 summary\nHyperparameters:\nunits: 16\nScore: 0.75\n\n"
        + "Trial 0000 summary\nHyperparameters:\nunits: 8\nScore: 0.5\n", g.resultsSummary(2));
    assertEquals(16, (int) g.getBestHyperparameters(1).get(0).get("units"));
    assertTrue(g.searchSpaceSummary().startsWith("Search space summary\nDefault search space size: 1\n"
        + "units (Choice)\n{'default': 8, 'conditions': [], 'values': [8, 16], 'ordered': True}"));
  }

  @Test
  void executionsAreAveraged() {
    RandomSearch s = new RandomSearch(null, new Objective("score", "min")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        return List.of(Map.of("score", 1.0), Map.of("score", 4.0));
      }
    }.maxTrials(1).hyperparameters(xy()).directory(dir).projectName("avg");
    s.search(null, null, new FitOptions().verbose(0));
    assertEquals(2.5, s.oracle().getTrial("0").score(), 0);
  }

  @Test
  void crashedTrialsFailAndTooManyStopTheSearch() {
    RandomSearch s = new RandomSearch(null, new Objective("score", "min")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        throw new IllegalArgumentException("bad model");
      }
    }.maxTrials(5).maxConsecutiveFailedTrials(2).hyperparameters(xy()).directory(dir).projectName("fail");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> s.search(null, null, new FitOptions().verbose(0)));
    assertTrue(e.getMessage().contains("consecutive failures"), e.getMessage());
    assertEquals(Trial.FAILED, s.oracle().getTrial("0").status());
    assertTrue(s.oracle().getTrial("0").message().contains("bad model"));
    assertEquals(2, s.oracle().trials().size());
  }

  @Test
  void trialsRunInParallelWhenAsked() {
    List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
    RandomSearch s = new RandomSearch(null, new Objective("score", "max")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        ran.add(Thread.currentThread().getName());
        return score(trial);
      }
    }.maxTrials(8).parallelTrials(2).seed(2).hyperparameters(xy()).directory(dir).projectName("parallel");
    s.search(null, null, new FitOptions().verbose(0));
    assertEquals(8, s.oracle().trials().size());
    assertTrue(s.oracle().trials().values().stream().allMatch(t -> t.status().equals(Trial.COMPLETED)));
    assertEquals(8, ran.size());
  }

  @Test
  void settingsAreFixedOnceTheOracleExists() {
    RandomSearch s = search("fixed", new ArrayList<>(), null);
    int seed = s.oracle().seed();
    assertThrows(IllegalStateException.class, () -> s.seed(3));
    assertThrows(IllegalStateException.class, () -> s.maxTrials(2));
    assertEquals(1, seed);
    assertEquals(6, (int) s.remainingTrials());
  }
}
