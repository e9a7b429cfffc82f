package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.models.FitOptions;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridSearchTest {
  @TempDir
  Path dir;

  /** A grid search whose trials return a number and record their values. */
  private GridSearch search(HyperParameters space, List<Map<String, Object>> seen) {
    return new GridSearch(null, new Objective("score", "max")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        seen.add(Map.copyOf(trial.hyperparameters().values()));
        return (double) seen.size();
      }
    }.hyperparameters(space).directory(dir).projectName("grid");
  }

  @Test
  void enumeratesEveryCombinationOnceAsAnOdometer() {
    HyperParameters space = new HyperParameters();
    space.Choice("act", "relu", "tanh", "elu");
    space.Int("layers", 1, 2);
    space.Boolean("bn");
    List<Map<String, Object>> seen = new ArrayList<>();
    search(space, seen).search(null, null, new FitOptions().verbose(0));

    List<Map<String, Object>> expected = new ArrayList<>();
    for (String act : List.of("relu", "tanh", "elu")) {
      for (int layers : new int[] {1, 2}) {
        for (boolean bn : new boolean[] {false, true}) {
          expected.add(Map.of("act", act, "layers", layers, "bn", bn));
        }
      }
    }
    assertEquals(expected, seen);
    assertEquals(12, new HashSet<>(seen).size());
  }

  @Test
  void conditionalChildrenCountOnlyUnderTheirParent() {
    HyperParameters space = new HyperParameters();
    space.Choice("model", "linear", "dnn");
    try (var s = space.conditionalScope("model", "dnn")) {
      space.Int("layers", 1, 3);
    }
    List<Map<String, Object>> seen = new ArrayList<>();
    search(space, seen).search(null, null, new FitOptions().verbose(0));
    assertEquals(List.of(Map.of("model", "linear"), Map.of("model", "dnn", "layers", 1),
        Map.of("model", "dnn", "layers", 2), Map.of("model", "dnn", "layers", 3)), seen);
  }

  @Test
  void maxTrialsCutsTheGrid() {
    HyperParameters space = new HyperParameters();
    space.Int("a", 0, 9);
    List<Map<String, Object>> seen = new ArrayList<>();
    GridSearch g = search(space, seen).maxTrials(4);
    g.search(null, null, new FitOptions().verbose(0));
    assertEquals(List.of(0, 1, 2, 3), seen.stream().map(m -> m.get("a")).toList());
    assertEquals(List.of("3", "2", "1", "0"), g.oracle().getBestTrials(4).stream().map(Trial::trialId).toList());
  }
}
