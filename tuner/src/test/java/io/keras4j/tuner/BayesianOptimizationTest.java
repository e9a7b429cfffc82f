package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.models.FitOptions;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesianOptimizationTest {
  @TempDir
  Path dir;

  /** Branin-like smooth bowl with its minimum 0 at (0.3, 0.7). */
  private static double bowl(HyperParameters hp) {
    double x = hp.get("x");
    double y = hp.get("y");
    return (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7);
  }

  private static HyperParameters space() {
    HyperParameters hp = new HyperParameters();
    hp.Float("x", 0, 1);
    hp.Float("y", 0, 1);
    return hp;
  }

  /** The score of each trial, in order. */
  private <T extends Tuner<T>> List<Double> run(Tuner<T> tuner) {
    tuner.search(null, null, new FitOptions().verbose(0));
    return tuner.oracle().trials().values().stream().map(Trial::score).toList();
  }

  private static int trialsToReach(List<Double> scores, double target) {
    for (int i = 0; i < scores.size(); i++) {
      if (scores.get(i) <= target) {
        return i + 1;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static ToDoubleFunction<Trial> objective() {
    return t -> bowl(t.hyperparameters());
  }

  @Test
  void findsTheMinimumInFewerTrialsThanRandomSearch() {
    Objective min = new Objective("score", "min");
    int trials = 25;
    for (int seed = 1; seed <= 3; seed++) {
      List<Double> bayes = run(new BayesianOptimization(null, min) {
        @Override
        protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
          return objective().applyAsDouble(trial);
        }
      }.maxTrials(trials).seed(seed).hyperparameters(space()).directory(dir).projectName("bo" + seed));
      List<Double> random = run(new RandomSearch(null, min) {
        @Override
        protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
          return objective().applyAsDouble(trial);
        }
      }.maxTrials(trials).seed(seed).hyperparameters(space()).directory(dir).projectName("rs" + seed));
      double bestBayes = bayes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double bestRandom = random.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      assertEquals(trials, bayes.size());
      assertTrue(bestBayes < 1e-3, "seed " + seed + ": Bayesian best " + bestBayes);
      assertTrue(bestBayes < bestRandom, "seed " + seed + ": " + bestBayes + " vs random " + bestRandom);
      assertTrue(trialsToReach(bayes, 2e-3) < trialsToReach(random, 2e-3),
          "seed " + seed + ": " + trialsToReach(bayes, 2e-3) + " vs " + trialsToReach(random, 2e-3));
    }
  }

  @Test
  void theFirstTrialsAreRandomThenTheSurrogateProposes() {
    List<Double> scores = run(new BayesianOptimization(null, new Objective("score", "max")) {
      @Override
      protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
        return -objective().applyAsDouble(trial);
      }
    }.maxTrials(12).numInitialPoints(6).seed(3).hyperparameters(space()).directory(dir).projectName("max"));
    List<Double> initial = new ArrayList<>(scores.subList(0, 6));
    double bestInitial = initial.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double bestAfter = scores.subList(6, 12).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertTrue(bestAfter > bestInitial, bestAfter + " vs " + bestInitial);
  }

  @Test
  void maternKernelAndInterpolation() {
    // k(r) = (1 + sqrt5 r/l + 5 r^2 / (3 l^2)) exp(-sqrt5 r/l); at r = l: (1 + sqrt5 + 5/3) exp(-sqrt5)
    assertEquals(1, GaussianProcess.matern52(0, 0.7), 0);
    assertEquals((1 + Math.sqrt(5) + 5.0 / 3) * Math.exp(-Math.sqrt(5)), GaussianProcess.matern52(0.5, 0.5), 1e-15);
    GaussianProcess gp = new GaussianProcess(1e-10);
    double[][] x = {{0.1}, {0.4}, {0.8}};
    double[] y = {1, 3, 2};
    gp.fit(x, y);
    for (int i = 0; i < 3; i++) {
      double[] p = gp.predict(x[i]);
      assertEquals(y[i], p[0], 1e-3);
      assertTrue(p[1] < 1e-2, "no uncertainty at a sample: " + p[1]);
    }
    // far from the data the posterior is the prior of the normalized targets: mean 2, std sqrt(2/3)
    double[] far = gp.predict(new double[] {1e9});
    assertEquals(2, far[0], 1e-6);
    assertEquals(Math.sqrt(2.0 / 3), far[1], 1e-6);
  }
}
