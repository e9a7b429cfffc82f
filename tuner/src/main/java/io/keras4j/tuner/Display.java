package io.keras4j.tuner;

import io.keras4j.tuner.hyperparameters.HyperParameter;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import io.keras4j.tuner.hyperparameters.Values;
import java.util.List;
import java.util.Map;

/**
 * The text a tuner prints: results summary, search space summary, and the line after each trial.
 *
 * <p>Keras equivalent: {@code BaseTuner.results_summary}, {@code search_space_summary} and the oracle's
 * {@code Display}.
 */
final class Display {
  private Display() {}

  static String resultsSummary(Tuner<?> tuner, int n) {
    Oracle o = tuner.oracle();
    StringBuilder s = new StringBuilder("Results summary\n");
    s.append("Results in ").append(tuner.projectDir()).append('\n');
    s.append("Showing ").append(n).append(" best trials\n");
    s.append(o.objective()).append('\n');
    for (Trial t : o.getBestTrials(n)) {
      s.append('\n').append(t.summary());
    }
    return s.toString();
  }

  static String searchSpaceSummary(HyperParameters space) {
    StringBuilder s = new StringBuilder("Search space summary\n");
    s.append("Default search space size: ").append(space.space().size()).append('\n');
    for (HyperParameter h : space.space()) {
      Map<String, Object> c = new java.util.LinkedHashMap<>(h.getConfig());
      c.remove("name");
      s.append(h.name()).append(" (").append(h.getClass().getSimpleName()).append(")\n");
      s.append(pyDict(c)).append('\n');
    }
    return s.toString();
  }

  private static String pyDict(Map<String, Object> m) {
    StringBuilder s = new StringBuilder("{");
    m.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append('\'').append(k).append("': ").append(py(v)));
    return s.append('}').toString();
  }

  private static String py(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof String str) {
      return "'" + str + "'";
    }
    if (v instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(Display::py).toList()) + "]";
    }
    return Values.pyStr(v);
  }

  static String trialEnd(Trial t, Oracle o, long searchStartNanos) {
    String name = o.objective().name();
    List<Trial> best = o.getBestTrials(1);
    String bestScore = best.isEmpty() || best.get(0).score() == null ? "None" : Values.pyStr(best.get(0).score());
    return "\nTrial " + (Integer.parseInt(t.trialId()) + 1) + " Complete\n" + name + ": "
        + (t.score() == null ? "None" : Values.pyStr(t.score())) + "\n\nBest " + name + " So Far: " + bestScore
        + "\nTotal elapsed time: " + hms((System.nanoTime() - searchStartNanos) / 1_000_000_000L) + "\n";
  }

  private static String hms(long seconds) {
    return String.format("%02dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
