package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches with real keras4j models: a small MLP on a three-class problem. */
class RealModelSearchTest {
  static float[][] x;
  static int[] y;
  static float[][] xVal;
  static int[] yVal;

  @TempDir
  Path dir;

  /** Class 0, 1 or 2 by which of x0, x1 or 0 is largest. */
  private static void data(int n, long seed, float[][][] xs, int[][] ys) {
    Random r = new Random(seed);
    xs[0] = new float[n][4];
    ys[0] = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        xs[0][i][j] = (float) r.nextGaussian();
      }
      float a = xs[0][i][0];
      float b = xs[0][i][1];
      ys[0][i] = a > b && a > 0 ? 0 : b > 0 ? 1 : 2;
    }
  }

  @BeforeAll
  static void makeData() {
    float[][][] xs = new float[1][][];
    int[][] ys = new int[1][];
    data(600, 1, xs, ys);
    x = xs[0];
    y = ys[0];
    data(200, 2, xs, ys);
    xVal = xs[0];
    yVal = ys[0];
  }

  static Model build(HyperParameters hp) {
    Sequential m = new Sequential();
    m.add(new Dense(hp.Int("units", 4, 32, 4)).activation("relu").inputDim(4));
    m.add(new Dense(3).activation("softmax"));
    m.compile(new CompileOptions().optimizer(new Adam(hp.Float("learning_rate", 1e-3, 3e-2, "log")))
        .loss("sparse_categorical_crossentropy").metrics("accuracy"));
    return m;
  }

  private static FitOptions fit(int epochs) {
    return new FitOptions().epochs(epochs).batchSize(32).validationData(xVal, yVal).verbose(0);
  }

  @Test
  void theBestModelReproducesItsScore() {
    Backend.setRandomSeed(1);
    RandomSearch tuner = new RandomSearch(RealModelSearchTest::build, "val_accuracy").maxTrials(3).seed(5)
        .directory(dir).projectName("real");
    tuner.search(x, y, fit(3));
    assertEquals(2, tuner.oracle().getSpace().space().size());
    for (Trial t : tuner.oracle().trials().values()) {
      assertEquals(Trial.COMPLETED, t.status());
      assertTrue(Files.exists(tuner.checkpointPath(t.trialId())), "checkpoint of " + t.trialId());
    }
    Trial best = tuner.oracle().getBestTrials(1).get(0);
    try (Model model = tuner.getBestModels(1).get(0)) {
      Map<String, Double> scores = model.evaluate(xVal, yVal);
      assertEquals(best.score(), scores.get("accuracy"), 1e-6);
    }
    assertTrue(best.score() > 0.6, "learns: " + best.score());
    assertEquals(best.hyperparameters().values(), tuner.getBestHyperparameters(1).get(0).values());
  }

  @Test
  void hyperbandContinuesFromThePreviousCheckpoint() {
    Backend.setRandomSeed(2);
    List<int[]> epochs = new ArrayList<>();
    HyperModel hm = new HyperModel() {
      @Override
      public Model build(HyperParameters hp) {
        return RealModelSearchTest.build(hp);
      }

      @Override
      public Object fit(HyperParameters hp, Model model, Object xs, Object ys, FitOptions options) {
        History h = model.fit(xs, ys, options);
        epochs.add(new int[] {options.initialEpoch(), options.epochs(), h.epoch().size()});
        return h;
      }
    };
    // max_epochs 3, factor 3: brackets 1 and 0; bracket-0 end size ceil(1 + log3 3) = 2;
    // bracket 1: 3 models x 1 epoch, then the best x 3 epochs (from epoch 1); bracket 0: 2 models x 3 epochs
    Hyperband tuner = new Hyperband(hm, "val_accuracy").maxEpochs(3).factor(3).seed(3).directory(dir)
        .projectName("hb");
    tuner.search(x, y, fit(99));
    List<String> got = epochs.stream().map(e -> e[0] + "-" + e[1] + ":" + e[2]).toList();
    assertEquals(List.of("0-1:1", "0-1:1", "0-1:1", "1-3:2", "0-3:3", "0-3:3"), got);
    assertEquals(6, tuner.oracle().trials().size());
  }
}
