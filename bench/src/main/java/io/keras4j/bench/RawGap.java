package io.keras4j.bench;

import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * keras4j against raw TensorFlow Java only, on W1-W3 training and inference (issue 15 item 2): each round runs
 * every workload for keras4j (steps_per_execution 1 and 32) and the raw loop in turn (A/B/A/B), each model built
 * and warmed up once, and prints the median samples/s, the spread (min-max) and the ratio to raw per workload.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.RawGap [rounds, default 3] [workload ...]} with workloads among
 * w1_train, w1_predict, w2_train, w3_train, w3_predict (default all).
 */
public final class RawGap {
  private RawGap() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    Map<String, Supplier<Double>> runs = new LinkedHashMap<>();
    List<AutoCloseable> open = new ArrayList<>();
    Data.Workloads d = Data.workloads();
    float[] f1 = RawTensorFlow.flat(d.x1());
    float[][] y1col = Data.column(d.y1());
    float[] f2 = RawTensorFlow.flat(d.x2());
    float[] f3 = RawTensorFlow.flat(Data.flatten(d.x3()));
    for (int k : new int[] {1, 32}) {
      Keras4jWorkloads w = new Keras4jWorkloads(k);
      String p = k == 1 ? "keras4j" : "keras4j_spe32";
      if (wanted(only, "w1_train", "w1_predict")) {
        Sequential m1 = open(open, w.w1());
        runs.put("w1_train/" + p, () -> Keras4jWorkloads.fit(m1, d.x1(), d.y1(), 5, 32));
        runs.put("w1_predict/" + p, () -> Keras4jWorkloads.predict(m1, d.x1(), 1024));
      }
      if (wanted(only, "w2_train")) {
        Sequential m2 = open(open, w.w2());
        runs.put("w2_train/" + p, () -> Keras4jWorkloads.fit(m2, d.x2(), d.y2(), 1, 128));
      }
      if (wanted(only, "w3_train", "w3_predict")) {
        Sequential m3 = open(open, w.w3());
        runs.put("w3_train/" + p, () -> Keras4jWorkloads.fit(m3, d.x3(), d.y3(), 1, 64));
        runs.put("w3_predict/" + p, () -> Keras4jWorkloads.predict(m3, d.x3(), 64));
      }
    }
    if (wanted(only, "w1_train", "w1_predict")) {
      RawTensorFlow r1 = open(open, RawTensorFlow.w1());
      runs.put("w1_train/raw_tf", () -> r1.fit(f1, new long[] {20000, 5}, y1col, 5, 32));
      runs.put("w1_predict/raw_tf", () -> r1.predict(f1, new long[] {20000, 5}, 1024));
    }
    if (wanted(only, "w2_train")) {
      RawTensorFlow r2 = open(open, RawTensorFlow.w2());
      runs.put("w2_train/raw_tf", () -> r2.fit(f2, new long[] {60000, 784}, d.y2(), 1, 128));
    }
    if (wanted(only, "w3_train", "w3_predict")) {
      RawTensorFlow r3 = open(open, RawTensorFlow.w3());
      runs.put("w3_train/raw_tf", () -> r3.fit(f3, new long[] {10000, 28, 28, 1}, d.y3(), 1, 64));
      runs.put("w3_predict/raw_tf", () -> r3.predict(f3, new long[] {10000, 28, 28, 1}, 64));
    }
    runs.entrySet().removeIf(e -> !only.isEmpty() && !only.contains(e.getKey().split("/")[0]));
    runs.values().forEach(Supplier::get); // warm-up: tracing, kernel selection, JIT
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      runs.forEach((key, run) -> rates.computeIfAbsent(key, k -> new ArrayList<>()).add(run.get()));
    }
    print(rates);
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static boolean wanted(List<String> only, String... workloads) {
    return only.isEmpty() || List.of(workloads).stream().anyMatch(only::contains);
  }

  private static <T extends AutoCloseable> T open(List<AutoCloseable> open, T c) {
    open.add(c);
    return c;
  }

  private static double median(List<Double> v) {
    return Report.Stat.of(v).median();
  }

  private static void print(Map<String, List<Double>> rates) {
    System.out.println("| workload | peer | median samples/s | min-max | / raw (min-max) |");
    System.out.println("|---|---|---|---|---|");
    rates.forEach((key, v) -> {
      String workload = key.split("/")[0];
      List<Double> raw = rates.get(workload + "/raw_tf");
      double med = median(v);
      String ratio = raw == null ? "" : String.format("%.3f (%.2f-%.2f)", med / median(raw),
          v.stream().mapToDouble(d -> d).min().orElse(0) / median(raw),
          v.stream().mapToDouble(d -> d).max().orElse(0) / median(raw));
      System.out.printf("| %s | %s | %,.0f | %,.0f-%,.0f | %s |%n", workload, key.split("/")[1], med,
          v.stream().mapToDouble(d -> d).min().orElse(0), v.stream().mapToDouble(d -> d).max().orElse(0), ratio);
    });
  }
}
