package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints bench/run.sh's markdown tables: W1-W3 for keras4j and every peer, keras4j's ratios to each, the first run's
 * extra seconds (trace and compile time), W6 (MobileNetV2, application files) and peak resident sizes. Each cell is
 * the median over every timed run of every round (min–max); a ratio's spread pairs the two ranges' extremes.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.SuiteReport results-dir "cpu model" rounds [w5-results-dir]}: pools the
 * JSON lists of every {@code *.json} there by key, and prints the targets ({@link Targets}) last; with a
 * fourth argument (bench/w5.sh's results directory) the targets include issue 10's W5.
 */
public final class SuiteReport {
  static final String[] WORK = {"w1_train", "w1_predict", "w2_train", "w3_train", "w3_predict"};
  static final String[][] PEERS = {
    {"raw_tf", "raw TensorFlow Java (the suite's own loop)"},
    {"keras_tf", "Keras 3.15.1 on TensorFlow 2.21"},
    {"keras_tf_spe32", "same, steps_per_execution=32"},
    {"keras_jax_spe32", "Keras 3.15.1 on JAX 0.10.2, steps_per_execution=32"},
    {"pytorch", "PyTorch 2.13, 2 threads, OMP_WAIT_POLICY=passive"},
    {"pytorch_ompdefault", "PyTorch 2.13, 2 threads, OpenMP's default waiting"},
    {"dl4j", "Deeplearning4j 1.0.0-M2.1 (round 1 only)"}};

  private final Map<String, List<Double>> runs;
  private final StringBuilder b = new StringBuilder();

  SuiteReport(Map<String, List<Double>> runs) {
    this.runs = runs;
  }

  /** The key's median (min–max) over every run of every round; NaN when no run wrote it. */
  Report.Stat stat(String key) {
    return new Targets(runs).stat(key);
  }

  static String fmt(Report.Stat s, int decimals) {
    String f = "%,." + decimals + "f";
    return Double.isNaN(s.median()) ? "—"
        : String.format(Locale.US, f + " (" + f + "–" + f + ")", s.median(), s.min(), s.max());
  }

  static String ratio(Report.Stat a, Report.Stat b) {
    return Targets.value(Targets.ratio(a, b));
  }

  /** keras4j's better setting (steps_per_execution 1 or 32) on one workload. */
  Report.Stat best(String work) {
    return Targets.better(stat("keras4j/" + work), stat("keras4j_spe32/" + work));
  }

  void row(String label, String prefix, String[] work, int decimals) {
    b.append("| ").append(label);
    for (String w : work) {
      b.append(" | ").append(fmt(stat(prefix + "/" + w), decimals));
    }
    b.append(" |\n");
  }

  void header(String first, String[] work) {
    b.append("| ").append(first).append(" | ").append(String.join(" | ", work)).append(" |\n|---");
    b.append("|---".repeat(work.length)).append("|\n");
  }

  void throughput() {
    b.append("\nSamples/s, median (min–max):\n\n");
    header("samples/s", WORK);
    row("keras4j (steps_per_execution 1)", "keras4j", WORK, 0);
    row("keras4j (steps_per_execution 32)", "keras4j_spe32", WORK, 0);
    for (String[] p : PEERS) {
      row(p[1], p[0], WORK, 0);
    }
    b.append("\nkeras4j (its better setting per workload) / peer:\n\n");
    header("keras4j best / peer", WORK);
    for (String[] p : PEERS) {
      b.append("| ").append(p[1]);
      for (String w : WORK) {
        b.append(" | ").append(ratio(best(w), stat(p[0] + "/" + w)));
      }
      b.append(" |\n");
    }
    b.append("| Keras on TensorFlow, same setting (keras4j spe 1 / Keras spe 1)");
    for (String w : WORK) {
      b.append(" | ").append(ratio(stat("keras4j/" + w), stat("keras_tf/" + w)));
    }
    b.append(" |\n");
  }

  void trace() {
    String[] keys = Arrays.stream(WORK).map(w -> w + "_trace_s").toArray(String[]::new);
    b.append("\nTrace and compile time: the first run's seconds minus the median later run's:\n\n");
    header("seconds", WORK);
    row("keras4j (steps_per_execution 1)", "keras4j", keys, 2);
    row("keras4j (steps_per_execution 32)", "keras4j_spe32", keys, 2);
    row("Keras on TensorFlow", "keras_tf", keys, 2);
    row("Keras on TensorFlow, steps_per_execution 32", "keras_tf_spe32", keys, 2);
    row("Keras on JAX, steps_per_execution 32", "keras_jax_spe32", keys, 2);
  }

  void w6() {
    String[] work = {"w6_predict_b1", "w6_predict_b32", "w6_finetune_steps"};
    b.append("\nW6, MobileNetV2 224x224 (random weights): inference images/s at batch 1 and 32, fine-tuning the top "
        + "54 layers (train steps/s of batch 32):\n\n");
    header("W6", work);
    String[][] peers = {
      {"keras4j", "keras4j"}, {"keras_tf", "Keras on TensorFlow"}, {"keras_jax", "Keras on JAX (round 1 only)"}};
    for (String[] p : peers) {
      row(p[1], p[0], work, 2);
    }
    for (String[] p : Arrays.copyOfRange(peers, 1, 3)) {
      b.append("| keras4j / ").append(p[1]);
      for (String w : work) {
        b.append(" | ").append(ratio(stat("keras4j/" + w), stat(p[0] + "/" + w)));
      }
      b.append(" |\n");
    }
    b.append("\nW6, load plus the first predict of a Keras-written .keras file (random weights), fresh process each, "
        + "seconds (load + first predict), both clocks started once TensorFlow's runtime is loaded (Python: after "
        + "`import keras`; keras4j: after `Backend.loadRuntime()`); the last column counts from the process' start "
        + "to the first prediction instead (keras4j / Keras):\n\n");
    b.append("| model | keras4j | Keras on TensorFlow | keras4j / Keras (time, lower is better) "
        + "| since process start, keras4j / Keras |\n");
    b.append("|---|---|---|---|---|\n");
    Targets t = new Targets(runs);
    for (String m : Targets.APPS) {
      String key = "w6_load_predict_" + m + "_s";
      b.append("| ").append(m).append(" | ").append(loadCell(stat("keras4j/" + key),
          stat("keras4j/w6_load_" + m + "_s"), stat("keras4j/w6_first_predict_" + m + "_s")));
      b.append(" | ").append(loadCell(t.kerasTf(key), t.kerasTf("w6_load_" + m + "_s"),
          t.kerasTf("w6_first_predict_" + m + "_s")));
      b.append(noOneDnn(key));
      b.append(" | ").append(ratio(stat("keras4j/" + key), t.kerasTf(key)));
      String process = "w6_load_predict_" + m + "_process_s";
      b.append(" | ").append(sinceStart(stat("keras4j/" + process), t.kerasTf(process))).append(" |\n");
    }
  }

  /** "keras4j s / Keras s = ratio" (medians), from the {@code *_process_s} keys; "—" for runs without them. */
  static String sinceStart(Report.Stat keras4j, Report.Stat keras) {
    return Double.isNaN(keras4j.median()) || Double.isNaN(keras.median()) ? "—"
        : String.format(Locale.US, "%.1f / %.1f = %.2f", keras4j.median(), keras.median(),
            keras4j.median() / keras.median());
  }

  /** A note where Keras on TensorFlow's figure is the rerun without oneDNN's custom ops ({@link Targets#kerasTf}). */
  String noOneDnn(String key) {
    return Targets.kerasTfLabel(runs, key).equals("Keras-TF") ? ""
        : " with TF_ENABLE_ONEDNN_OPTS=0 (its default crashed)";
  }

  /** "total (min–max) = load + first predict" (medians), the parts left out when a run did not write them. */
  static String loadCell(Report.Stat total, Report.Stat load, Report.Stat predict) {
    boolean parts = !Double.isNaN(load.median()) && !Double.isNaN(predict.median());
    return fmt(total, 1) + (parts && !Double.isNaN(total.median())
        ? String.format(Locale.US, " = %.1f + %.1f", load.median(), predict.median()) : "");
  }

  void memory() {
    b.append("\nPeak resident size (VmHWM, MiB), fresh process each:\n\n");
    b.append("| workload | keras4j | Keras on TensorFlow | keras4j / Keras |\n|---|---|---|---|\n");
    for (String[] w : new String[][] {{"peak_mib_w2_train", "W2 training, one epoch"},
        {"peak_mib_densenet121", "DenseNet121 load + first predict"}}) {
      Report.Stat keras = new Targets(runs).kerasTf(w[0]);
      b.append("| ").append(w[1]).append(" | ").append(fmt(stat("keras4j/" + w[0]), 0)).append(" | ")
          .append(fmt(keras, 0)).append(noOneDnn(w[0])).append(" | ").append(ratio(stat("keras4j/" + w[0]), keras))
          .append(" |\n");
    }
  }

  /** W4 and the machine's matrix-multiply rate (raw TensorFlow Java's MatMul), as context for the tables. */
  void context() {
    b.append("\nW4, JVM start to the first prediction of the saved W3 model (.keras), ms: ")
        .append(fmt(stat("keras4j/w4_ms"), 0)).append("; TensorFlow MatMul (fed), GFLOP/s: 1024x1024 ")
        .append(fmt(stat("machine/matmul_1024_gflops"), 0)).append(", 2048x2048 ")
        .append(fmt(stat("machine/matmul_2048_gflops"), 0)).append(".\n");
  }

  void targets(boolean w5) {
    Targets t = new Targets(runs);
    t.rawGap();
    t.keras();
    t.trace();
    t.loadAndMemory();
    if (w5) {
      t.w5();
    }
    b.append("\nTargets (issue 15 items 2, 3, 5, 6, 7").append(w5 ? "; issue 10 item 5, W5 from bench/w5.sh" : "")
        .append("): met when the median, as printed, is on the bound's side:\n\n").append(t.table());
  }

  /**
   * Pools the numeric lists of every {@code *.json} in {@code dir} into {@code runs} by key (other values skipped);
   * adds the names of files that are empty or not JSON (a peer that failed part-way) to {@code broken}.
   */
  @SuppressWarnings("unchecked")
  static void read(File dir, Map<String, List<Double>> runs, List<String> broken) {
    File[] files = dir.listFiles((d, n) -> n.endsWith(".json"));
    Arrays.sort(files == null ? new File[0] : files);
    for (File f : files == null ? new File[0] : files) {
      try {
        ((Map<String, Object>) new ObjectMapper().readValue(f, Map.class)).forEach((k, v) -> {
          if (v instanceof List<?> l) {
            l.forEach(x -> runs.computeIfAbsent(k, key -> new ArrayList<>()).add(((Number) x).doubleValue()));
          }
        });
      } catch (IOException e) {
        broken.add(f.getName());
      }
    }
  }

  /** The whole report of a results directory (and, when not null, bench/w5.sh's). */
  static String report(File dir, String cpu, String rounds, File w5) {
    Map<String, List<Double>> runs = new TreeMap<>();
    List<String> broken = new ArrayList<>();
    read(dir, runs, broken);
    if (w5 != null) {
      read(w5, runs, broken);
    }
    SuiteReport s = new SuiteReport(runs);
    s.b.append("CPU: ").append(cpu).append("; ").append(rounds)
        .append(" interleaved rounds (a fresh process per peer and round)\n");
    if (!broken.isEmpty()) {
      s.b.append("\nNot read (empty or not JSON: the peer failed, see its .err file): ")
          .append(String.join(", ", broken)).append("\n");
    }
    s.throughput();
    s.trace();
    s.w6();
    s.memory();
    s.context();
    s.targets(w5 != null);
    return s.b.toString();
  }

  public static void main(String[] args) {
    System.out.print(report(new File(args[0]), args.length > 1 ? args[1] : "unknown", args.length > 2 ? args[2] : "?",
        args.length > 3 && !args[3].isEmpty() ? new File(args[3]) : null));
  }
}
