package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prints the markdown table of {@code bench/w5.sh}: W5 (LSTM) and W5g (GRU) for keras4j, Keras on TensorFlow and
 * PyTorch, each cell the median samples/s over every timed run of every round (min–max), and keras4j's ratios.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.W5Report results-dir "cpu model"}: reads every {@code *.json} there
 * (lists of samples/s are pooled across files; "*&#47;meta" objects are printed under the table).
 */
public final class W5Report {
  static final List<String> WORKLOADS = List.of("w5_train", "w5_predict", "w5g_train", "w5g_predict");

  private W5Report() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    File dir = new File(args[0]);
    String cpu = args.length > 1 ? args[1] : "unknown CPU";
    Map<String, List<Double>> runs = new TreeMap<>();
    Map<String, Object> meta = new TreeMap<>();
    File[] files = dir.listFiles((d, n) -> n.endsWith(".json"));
    Arrays.sort(files == null ? new File[0] : files);
    Set<String> rounds = new TreeSet<>();
    for (File f : files == null ? new File[0] : files) {
      rounds.add(f.getName().replaceAll("^.*-|\\.json$", "")); // peer-<round>.json
      ((Map<String, Object>) new ObjectMapper().readValue(f, Map.class)).forEach((k, v) -> {
        if (v instanceof List<?> l) {
          l.forEach(x -> runs.computeIfAbsent(k, key -> new ArrayList<>()).add(((Number) x).doubleValue()));
        } else if (k.endsWith("/meta")) {
          meta.put(k, v); // the last round's
        }
      });
    }
    StringBuilder b = new StringBuilder();
    b.append("CPU: ").append(cpu).append("; ").append(rounds.size())
        .append(" rounds (keras4j, Keras, PyTorch in turn)\n\n");
    b.append("| workload | keras4j | keras4j, steps_per_execution=32 | Keras (TF) | Keras (TF), steps_per_execution=32 "
        + "| PyTorch | keras4j / Keras | keras4j best / Keras best | keras4j best / PyTorch |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String w : WORKLOADS) {
      Report.Stat k = Report.stat(runs, "keras4j/" + w);
      Report.Stat k32 = Report.stat(runs, "keras4j_spe32/" + w);
      Report.Stat ke = Report.stat(runs, "keras/" + w);
      Report.Stat ke32 = Report.stat(runs, "keras_spe32/" + w);
      Report.Stat pt = Report.stat(runs, "pytorch/" + w);
      Report.Stat best = k32.median() > k.median() ? k32 : k;
      Report.Stat kerasBest = ke32.median() > ke.median() ? ke32 : ke;
      b.append("| ").append(w).append(" | ").append(k.fmt()).append(" | ").append(k32.fmt()).append(" | ")
          .append(ke.fmt()).append(" | ").append(ke32.fmt()).append(" | ").append(pt.fmt()).append(" | ")
          .append(Report.ratio(k, ke)).append(" | ").append(Report.ratio(best, kerasBest)).append(" | ")
          .append(Report.ratio(best, pt)).append(" |\n");
    }
    meta.forEach((k, v) -> b.append("\n").append(k).append(": ").append(v));
    System.out.println(b);
  }
}
