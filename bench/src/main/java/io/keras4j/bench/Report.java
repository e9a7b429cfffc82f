package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Merges the peers' JSON results into the markdown table of docs/performance.md (printed). */
public final class Report {
  /** W2's training FLOPs per sample: 3 x forward (2 x the multiply-adds of the three matrix products). */
  static final double W2_FLOPS = 3 * 2.0 * (784 * 512 + 512 * 256 + 256 * 10);

  private Report() {}

  record Stat(double median, double min, double max) {
    /** The median, min and max of {@code values}; (-1, -1, -1) when there are none. */
    static Stat of(List<Double> values) {
      if (values == null || values.isEmpty()) {
        return new Stat(-1, -1, -1);
      }
      List<Double> s = new ArrayList<>(values);
      Collections.sort(s);
      int n = s.size();
      double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
      return new Stat(median, s.get(0), s.get(n - 1));
    }

    String fmt() {
      return median < 0 ? "—" : String.format(Locale.US, "%,.0f (%,.0f–%,.0f)", median, min, max);
    }
  }

  static Stat stat(Map<String, List<Double>> r, String key) {
    return Stat.of(r.get(key));
  }

  static String ratio(Stat a, Stat b) {
    if (a.median < 0 || b.median < 0) {
      return "—";
    }
    // spread: worst and best pairing of the two ranges
    return String.format(Locale.US, "%.2f (%.2f–%.2f)", a.median / b.median, a.min / b.max, a.max / b.min);
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    Map<String, List<Double>> r = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String f : args) {
      Path p = Path.of(f);
      if (Files.exists(p) && f.endsWith(".json") && !f.contains("memory")) {
        ((Map<String, Object>) json.readValue(p.toFile(), Map.class)).forEach((k, v) -> {
          if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Number) {
            r.put(k, l.stream().map(x -> ((Number) x).doubleValue()).toList());
          }
        });
      }
    }
    String[] work = {"w1_train", "w1_predict", "w2_train", "w3_train", "w3_predict"};
    StringBuilder b = new StringBuilder();
    b.append("| workload | keras4j | keras4j, steps_per_execution=32 | raw TF Java | DL4J | PyTorch | "
        + "keras4j best / raw TF | keras4j best / PyTorch | keras4j best / DL4J |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String w : work) {
      Stat k = stat(r, "keras4j/" + w);
      Stat k32 = stat(r, "keras4j_spe32/" + w);
      Stat best = k32.median > k.median ? k32 : k;
      Stat raw = stat(r, "raw_tf/" + w);
      Stat dl4j = stat(r, "dl4j/" + w);
      Stat pt = stat(r, "pytorch/" + w);
      b.append("| ").append(w).append(" | ").append(k.fmt()).append(" | ").append(k32.fmt()).append(" | ")
          .append(raw.fmt()).append(" | ").append(dl4j.fmt()).append(" | ").append(pt.fmt()).append(" | ")
          .append(ratio(best, raw)).append(" | ").append(ratio(best, pt)).append(" | ").append(ratio(best, dl4j))
          .append(" |\n");
    }
    Stat mm1 = stat(r, "machine/matmul_1024_gflops");
    Stat mm2 = stat(r, "machine/matmul_2048_gflops");
    Stat k2 = stat(r, "keras4j/w2_train");
    Stat k2b = stat(r, "keras4j_spe32/w2_train");
    Stat best2 = k2b.median > k2.median ? k2b : k2;
    double ceiling = Math.max(mm1.median, mm2.median);
    b.append(String.format(Locale.US, "%nW2 achieved: %.1f GFLOP/s (keras4j best), %.1f GFLOP/s (PyTorch); matrix "
        + "multiply ceiling (TensorFlow MatMul, fed): 1024: %s, 2048: %s GFLOP/s; keras4j W2 at %.0f%% of the "
        + "ceiling.%n", best2.median * W2_FLOPS / 1e9, stat(r, "pytorch/w2_train").median * W2_FLOPS / 1e9,
        mm1.fmt(), mm2.fmt(), 100 * best2.median * W2_FLOPS / 1e9 / ceiling));
    Stat w4 = stat(r, "keras4j/w4_ms");
    if (w4.median > 0) {
      b.append(String.format(Locale.US, "%nW4, JVM start to the first prediction of the saved W3 model (.keras): %s "
          + "ms.%n", w4.fmt()));
    }
    System.out.print(b);
  }
}
