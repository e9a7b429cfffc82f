package io.keras4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets table of bench/run.sh's report: issue 15's items 2, 3, 5, 6 and 7 (and issue 10's item 5 when W5
 * results are given), each with its value, median (min–max) over every timed run of every round, and met or missed.
 *
 * <p>A target is met when its median, rounded to two decimals as printed, is on the right side of the bound; the
 * row also says when the spread reaches across the bound (a verdict the machine's noise could turn). A ratio's
 * spread pairs the two ranges' extremes, as {@link Report#ratio}.
 */
final class Targets {
  static final String[] WORK = SuiteReport.WORK;
  static final String[] APPS = {"densenet121", "mobilenetv2", "xception"};
  static final String[] W5_WORK = {"w5_train", "w5_predict", "w5g_train", "w5g_predict"};

  /** One target: what is measured, its value, and the bound it is held against. */
  record Row(String item, String what, Report.Stat value, boolean atLeast, double bound) {
    boolean measured() {
      return !Double.isNaN(value.median());
    }

    boolean met() {
      double v = Math.round(value.median() * 100) / 100.0;
      return atLeast ? v >= bound : v <= bound;
    }

    boolean crosses() {
      return value.min() < bound && value.max() > bound;
    }

    String verdict() {
      if (!measured()) {
        return "not measured";
      }
      return (met() ? "met" : "**missed**") + (crosses() ? " (spread crosses)" : "");
    }
  }

  private final Map<String, List<Double>> runs;
  private final List<Row> rows = new ArrayList<>();

  Targets(Map<String, List<Double>> runs) {
    this.runs = runs;
  }

  /** The key's median (min–max) over every run pooled, or {@link #missing} when no run wrote it. */
  Report.Stat stat(String key) {
    return runs.containsKey(key) && !runs.get(key).isEmpty() ? Report.stat(runs, key) : missing();
  }

  /** {@code a / b} with the spread of {@link Report#ratio}; missing when either is. */
  static Report.Stat ratio(Report.Stat a, Report.Stat b) {
    if (Double.isNaN(a.median()) || Double.isNaN(b.median())) {
      return missing();
    }
    return new Report.Stat(a.median() / b.median(), a.min() / b.max(), a.max() / b.min());
  }

  static Report.Stat missing() {
    return new Report.Stat(Double.NaN, Double.NaN, Double.NaN);
  }

  /** The better of two settings by median (the faster one), as {@link SuiteReport#best}; a missing one loses. */
  static Report.Stat better(Report.Stat a, Report.Stat b) {
    return Double.isNaN(a.median()) || b.median() > a.median() ? b : a;
  }

  Report.Stat best(String peer, String peer32, String work) {
    return better(stat(peer + "/" + work), stat(peer32 + "/" + work));
  }

  void add(String item, String what, Report.Stat value, boolean atLeast, double bound) {
    rows.add(new Row(item, what, value, atLeast, bound));
  }

  /** Item 2: keras4j's default and its better setting, each at least 0.95 of raw TensorFlow Java. */
  void rawGap() {
    for (String w : WORK) {
      Report.Stat raw = stat("raw_tf/" + w);
      add("15.2", w + ": keras4j default (spe 1) / raw TF Java", ratio(stat("keras4j/" + w), raw), true, 0.95);
      add("15.2", w + ": keras4j best / raw TF Java", ratio(best("keras4j", "keras4j_spe32", w), raw), true, 0.95);
    }
  }

  /** Item 3: at least Keras on TensorFlow at the same setting and best against best; Keras on JAX on W2, W3. */
  void keras() {
    for (String w : WORK) {
      add("15.3", w + ": keras4j spe 1 / Keras-TF spe 1", ratio(stat("keras4j/" + w), stat("keras_tf/" + w)), true, 1);
      add("15.3", w + ": keras4j spe 32 / Keras-TF spe 32",
          ratio(stat("keras4j_spe32/" + w), stat("keras_tf_spe32/" + w)), true, 1);
      add("15.3", w + ": keras4j best / Keras-TF best",
          ratio(best("keras4j", "keras4j_spe32", w), best("keras_tf", "keras_tf_spe32", w)), true, 1);
    }
    for (String w : new String[] {"w2_train", "w3_train", "w3_predict"}) {
      add("15.3", w + ": keras4j best / Keras-JAX spe 32",
          ratio(best("keras4j", "keras4j_spe32", w), stat("keras_jax_spe32/" + w)), true, 1);
    }
  }

  /** Item 5: the first run costs at most 1 s more than the median later one, at either steps_per_execution. */
  void trace() {
    for (String w : WORK) {
      add("15.5", w + ": keras4j spe 1, first-run extra (s)", stat("keras4j/" + w + "_trace_s"), false, 1);
      add("15.5", w + ": keras4j spe 32, first-run extra (s)", stat("keras4j_spe32/" + w + "_trace_s"), false, 1);
    }
  }

  /**
   * Keras on TensorFlow's figure for {@code key} ("w6_load_predict_densenet121_s", ...): its default run's, else the
   * one bench/run.sh takes with {@code TF_ENABLE_ONEDNN_OPTS=0} when the default process crashed (DenseNet121 on a
   * machine that reports no cache sizes: oneDNN divides by zero).
   */
  Report.Stat kerasTf(String key) {
    Report.Stat s = stat("keras_tf/" + key);
    return Double.isNaN(s.median()) ? stat("keras_tf_noonednn/" + key) : s;
  }

  static String kerasTfLabel(Map<String, List<Double>> runs, String key) {
    return runs.containsKey("keras_tf/" + key) || !runs.containsKey("keras_tf_noonednn/" + key)
        ? "Keras-TF" : "Keras-TF with TF_ENABLE_ONEDNN_OPTS=0 (its default crashed)";
  }

  /** Items 6 and 7: load + first predict time and peak resident size, keras4j / Keras on TensorFlow, at most 1. */
  void loadAndMemory() {
    for (String m : APPS) {
      String key = "w6_load_predict_" + m + "_s";
      add("15.6", m + ": load + first predict, keras4j / " + kerasTfLabel(runs, key) + " (time)",
          ratio(stat("keras4j/" + key), kerasTf(key)), false, 1);
    }
    for (String key : new String[] {"peak_mib_w2_train", "peak_mib_densenet121"}) {
      add("15.7", key.substring(9) + ": peak RSS, keras4j / " + kerasTfLabel(runs, key),
          ratio(stat("keras4j/" + key), kerasTf(key)), false, 1);
    }
  }

  /** Issue 10 item 5: W5 (LSTM) and W5g (GRU) at least as fast as Keras on TensorFlow (bench/w5.sh's keys). */
  void w5() {
    for (String w : W5_WORK) {
      add("10.5", w + ": keras4j / Keras-TF (defaults)", ratio(stat("keras4j/" + w), stat("keras/" + w)), true, 1);
      add("10.5", w + ": keras4j best / Keras-TF best",
          ratio(best("keras4j", "keras4j_spe32", w), best("keras", "keras_spe32", w)), true, 1);
    }
  }

  List<Row> rows() {
    return rows;
  }

  static String value(Report.Stat s) {
    return Double.isNaN(s.median()) ? "—"
        : String.format(Locale.US, "%.2f (%.2f–%.2f)", s.median(), s.min(), s.max());
  }

  /** The markdown table, one row per target, and a count of those met. */
  String table() {
    StringBuilder b = new StringBuilder("| issue item | target | value, median (min–max) | bound | result |\n");
    b.append("|---|---|---|---|---|\n");
    int met = 0;
    int measured = 0;
    for (Row r : rows) {
      b.append("| ").append(r.item()).append(" | ").append(r.what()).append(" | ").append(value(r.value()))
          .append(" | ").append(r.atLeast() ? ">= " : "<= ")
          .append(String.format(Locale.US, "%.2f", r.bound())).append(" | ").append(r.verdict())
          .append(" |\n");
      measured += r.measured() ? 1 : 0;
      met += r.measured() && r.met() ? 1 : 0;
    }
    b.append(String.format(Locale.US, "%n%d of %d measured targets met (%d not measured).%n", met, measured,
        rows.size() - measured));
    return b.toString();
  }
}
