package io.keras4j.tuner;

import io.keras4j.callbacks.History;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import io.keras4j.tuner.hyperparameters.Parent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Turns what a trial returned (a number, a map of metrics, a History, or a list of them, one per execution) into the
 * metrics reported to the oracle.
 *
 * <p>Keras equivalent: {@code convert_to_metrics_dict}, {@code get_best_step} and {@code average_metrics_dicts} of
 * keras_tuner/engine/tuner_utils.py.
 */
final class TunerUtils {
  private TunerUtils() {}

  /** The metrics of {@code results}: a History gives its best epoch's, a list the mean over its elements. */
  @SuppressWarnings("unchecked")
  static Map<String, Double> toMetrics(Object results, Objective objective) {
    if (results instanceof List<?> list) {
      Map<String, double[]> sums = new LinkedHashMap<>();
      for (Object r : list) {
        toMetrics(r, objective).forEach((k, v) -> {
          double[] s = sums.computeIfAbsent(k, kk -> new double[2]);
          s[0] += v;
          s[1]++;
        });
      }
      Map<String, Double> mean = new LinkedHashMap<>();
      sums.forEach((k, s) -> mean.put(k, s[0] / s[1]));
      return mean;
    }
    if (results instanceof Number n) {
      return Map.of(objective.name(), n.doubleValue());
    }
    if (results instanceof Map<?, ?> m) {
      Map<String, Double> out = new LinkedHashMap<>();
      ((Map<String, Number>) m).forEach((k, v) -> out.put(k, v.doubleValue()));
      return out;
    }
    if (results instanceof History h) {
      return epochMetrics(h, bestEpoch(h, objective));
    }
    throw new IllegalArgumentException("The trial's result should be a number, a map of metrics, a History or a list "
        + "of them. Received: " + results);
  }

  /** The best epoch of {@code results}; the truncated mean over a list (Keras' {@code get_best_step}). */
  static int bestStep(Object results, Objective objective) {
    if (results instanceof List<?> list) {
      return (int) list.stream().mapToInt(r -> bestStep(r, objective)).average().orElse(0);
    }
    return results instanceof History h ? bestEpoch(h, objective) : 0;
  }

  private static int bestEpoch(History h, Objective objective) {
    if (!h.history().containsKey(objective.name())) {
      throw new IllegalArgumentException("Objective value missing in the history of the trial, expected: "
          + objective.name() + ", found: " + h.history().keySet());
    }
    List<Double> values = h.get(objective.name());
    int best = 0;
    for (int e = 1; e < values.size(); e++) {
      if (objective.betterThan(values.get(e), values.get(best))) {
        best = e;
      }
    }
    return best;
  }

  private static Map<String, Double> epochMetrics(History h, int epoch) {
    Map<String, Double> m = new LinkedHashMap<>();
    h.history().forEach((k, v) -> {
      if (epoch < v.size()) {
        m.put(k, v.get(epoch));
      }
    });
    return m;
  }

  /**
   * Builds the hypermodel until every conditional scope has been active once, so that the space holds all
   * conditional hyperparameters (KerasTuner's {@code _activate_all_conditions}).
   */
  static void activateAllConditions(Oracle oracle, Consumer<HyperParameters> build) {
    List<List<Parent>> neverActive = new ArrayList<>();
    List<List<Parent>> onceActive = new ArrayList<>();
    HyperParameters hp = oracle.getSpace();
    for (int builds = 0; builds < 100; builds++) {
      build.accept(hp);
      oracle.updateSpace(hp);
      for (List<Parent> c : hp.activeScopes()) {
        if (!onceActive.contains(c)) {
          onceActive.add(c);
        }
        neverActive.remove(c);
      }
      for (List<Parent> c : hp.inactiveScopes()) {
        if (!onceActive.contains(c) && !neverActive.contains(c)) {
          neverActive.add(c);
        }
      }
      if (neverActive.isEmpty()) {
        return;
      }
      hp = oracle.getSpace();
      for (Parent p : neverActive.get(0)) {
        hp.values().put(p.name(), p.values().get(0));
      }
      hp.ensureActiveValues();
    }
  }

  /** Waits for a worker, rethrowing its failure. */
  static void await(Future<?> worker) {
    try {
      worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the trials", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A short wait while the oracle is IDLE (other workers' trials running). */
  static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the oracle was idle", e);
    }
  }
}
