package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.models.FitOptions;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperbandTest {
  @TempDir
  Path dir;

  /*
   * KerasTuner's schedule for max_epochs=27, factor=3, by hand:
   * brackets: 27 -> 9 -> 3 -> 1 -> 1/3 stops after 4 divisions, so 4 brackets, numbered 3, 2, 1, 0, run from 3 down.
   * bracket-0 end size = ceil(1 + log3(27)) = 4; bracket b ends with 4 / (b + 1) models and round r of b has
   * ceil(4 / (b + 1) * 3^(b - r)) models trained to ceil(27 / 3^(b - r)) epochs:
   *   b=3: 4/4 * 27 = 27 models x 1 epoch, 9 x 3, 3 x 9, 1 x 27
   *   b=2: 4/3 * 9 = 12 x 3,               4 x 9, ceil(4/3) = 2 x 27
   *   b=1: 4/2 * 3 = 6 x 9,                2 x 27
   *   b=0: 4 x 27
   * 40 + 18 + 8 + 4 = 70 trials.
   */
  private static final int[][][] SCHEDULE = {
      {{4, 27}},
      {{6, 9}, {2, 27}},
      {{12, 3}, {4, 9}, {2, 27}},
      {{27, 1}, {9, 3}, {3, 9}, {1, 27}}};

  @Test
  void sizesAndEpochsAreKerasTunersSchedule() {
    HyperbandOracle o = new HyperbandOracle(new Oracle.Settings(), 27, 3, 1);
    assertEquals(4, o.numBrackets());
    for (int b = 0; b < 4; b++) {
      for (int r = 0; r <= b; r++) {
        assertEquals(SCHEDULE[b][r][0], o.size(b, r), "size of bracket " + b + " round " + r);
        assertEquals(SCHEDULE[b][r][1], o.epochs(b, r), "epochs of bracket " + b + " round " + r);
      }
    }
  }

  @Test
  void aSearchRunsEveryRoundAndContinuesTheBest() {
    HyperParameters space = new HyperParameters();
    space.Float("x", 0, 1);
    List<Trial> run = new ArrayList<>();
    Hyperband tuner = new Hyperband(null, new Objective("score", "max")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        run.add(trial);
        return trial.hyperparameters().get("x");
      }
    }.maxEpochs(27).factor(3).seed(7).hyperparameters(space).directory(dir).projectName("hb");
    tuner.search(null, null, new FitOptions().verbose(0));

    assertEquals(70, run.size());
    Map<String, List<Trial>> rounds = new LinkedHashMap<>();
    for (Trial t : run) {
      Map<String, Object> v = t.hyperparameters().values();
      rounds.computeIfAbsent(v.get("tuner/bracket") + "/" + v.get("tuner/round"), k -> new ArrayList<>()).add(t);
    }
    for (int b = 3; b >= 0; b--) {
      for (int r = 0; r <= b; r++) {
        List<Trial> round = rounds.get(b + "/" + r);
        assertEquals(SCHEDULE[b][r][0], round.size(), "trials of bracket " + b + " round " + r);
        for (Trial t : round) {
          assertEquals(SCHEDULE[b][r][1], t.hyperparameters().values().get("tuner/epochs"));
          assertEquals(r == 0 ? 0 : SCHEDULE[b][r - 1][1], t.hyperparameters().values().get("tuner/initial_epoch"));
        }
        if (r > 0) {
          // the continued trials are the best of the previous round (largest x), in order
          List<String> best = rounds.get(b + "/" + (r - 1)).stream()
              .sorted(Comparator.comparingDouble((Trial t) -> (Double) t.hyperparameters().get("x")).reversed())
              .limit(round.size()).map(Trial::trialId).toList();
          assertEquals(best, round.stream().map(t -> (String) t.hyperparameters().values().get("tuner/trial_id"))
              .toList());
        }
      }
    }
    assertEquals("0000", run.get(0).trialId());
  }
}
