package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the markdown table of {@code bench/compare.sh}: each workload's median samples/s over every run of the base
 * build ({@code base-*.json}) and of the new build ({@code head-*.json}), and new / base.
 */
public final class Compare {
  private Compare() {}

  @SuppressWarnings("unchecked")
  static Map<String, List<Double>> runs(File dir, String prefix) throws Exception {
    Map<String, List<Double>> out = new TreeMap<>();
    File[] files = dir.listFiles((d, n) -> n.startsWith(prefix) && n.endsWith(".json"));
    for (File f : files == null ? new File[0] : files) {
      ((Map<String, Object>) new ObjectMapper().readValue(f, Map.class)).forEach((k, v) -> {
        if (v instanceof List<?> l) {
          l.forEach(x -> out.computeIfAbsent(k, key -> new ArrayList<>()).add(((Number) x).doubleValue()));
        }
      });
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    File dir = new File(args[0]);
    Map<String, List<Double>> base = runs(dir, "base-");
    Map<String, List<Double>> head = runs(dir, "head-");
    System.out.printf("| workload | %s (base) | %s (new) | new / base |%n|---|---|---|---|%n", args[1], args[2]);
    for (String key : head.keySet()) {
      if (!base.containsKey(key)) {
        continue;
      }
      Report.Stat b = Report.stat(base, key);
      Report.Stat h = Report.stat(head, key);
      System.out.printf(Locale.US, "| %s | %s | %s | %.2f |%n", key, b.fmt(), h.fmt(), h.median() / b.median());
    }
  }
}
