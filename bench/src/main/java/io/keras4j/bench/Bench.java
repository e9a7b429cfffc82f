package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keras4j.backend.Backend;
import io.keras4j.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs W1-W3 for keras4j and raw TensorFlow Java and writes each run's samples/s as JSON.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.Bench [runs] [out.json] [part]}. Each measurement follows one untimed
 * warm-up; keras4j runs with steps_per_execution 1 and 32 (its best setting is reported as well as the default).
 * keras4j's workloads also write "&lt;key&gt;_trace_s": the warm-up's seconds minus the median timed run's. TensorFlow's
 * native runtime is loaded first ({@link Backend#loadRuntime()}), as Keras' bench loads it with {@code import keras}
 * before its clock, so that W1's first fit is not charged the library's load (about 0.8 s). Loading it also turns
 * JavaCPP's physical-memory check off ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}, keras4j's default), in the
 * raw loop's JVM too: the raw loop is the floor of keras4j's own overhead, measured with the same JavaCPP setting.
 *
 * <p>{@code part} runs one peer only: {@code keras4j} (steps_per_execution 1), {@code keras4j_spe32} or
 * {@code raw_tf} (with the machine's matmul figures); {@code all}, the default, runs the three in this JVM in that
 * order. A JVM and TensorFlow speed up over their first runs (W2's first fits most), so in one JVM the later peers
 * run warmer: bench/run.sh runs each part in a fresh JVM, as Keras' bench runs each steps_per_execution in a fresh
 * process, so that every peer starts as cold and runs the same workloads before its W2 and W3.
 */
public final class Bench {
  private Bench() {}

  /**
   * Passes of W1's prediction in one timed run of every peer: one pass (20,000 samples) takes 3-4 ms for the fastest,
   * too short for one reading to be more than the machine's noise.
   */
  static final int W1_PREDICT_PASSES = 10;

  /** The samples per second of {@link #W1_PREDICT_PASSES} passes of {@code pass} (each returning its own). */
  static double passes(Supplier<Double> pass) {
    double secondsPerSample = 0;
    for (int i = 0; i < W1_PREDICT_PASSES; i++) {
      secondsPerSample += 1 / pass.get();
    }
    return W1_PREDICT_PASSES / secondsPerSample;
  }

  static List<Double> repeat(int runs, Supplier<Double> run) {
    run.get(); // warm-up: graph building, kernel selection, JIT
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      out.add(run.get());
    }
    return out;
  }

  /**
   * {@link #repeat} that also stores, under {@code key + "_trace_s"}, the untimed first run's seconds minus the
   * median timed run's: the time spent building, tracing and compiling (issue 15 item 5).
   */
  static void measure(Map<String, Object> results, String key, int runs, double samples, Supplier<Double> run) {
    double first = samples / run.get();
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      rates.add(run.get());
    }
    results.put(key, rates);
    results.put(key + "_trace_s", List.of(first - samples / Report.stat(Map.of(key, rates), key).median()));
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path outFile = Path.of(args.length > 1 ? args[1] : "bench/results/java.json");
    String part = args.length > 2 ? args[2] : "all";
    if (!List.of("all", "keras4j", "keras4j_spe32", "raw_tf").contains(part)) {
      throw new IllegalArgumentException("Expected part keras4j, keras4j_spe32, raw_tf or all. Received: " + part);
    }
    Map<String, Object> results = new LinkedHashMap<>();
    Data.Workloads data = Data.workloads();
    Backend.loadRuntime();
    for (int k : new int[] {1, 32}) {
      String p = k == 1 ? "keras4j" : "keras4j_spe32";
      if (!part.equals("all") && !part.equals(p)) {
        continue;
      }
      keras4j(data, k, (w, samples, run) -> measure(results, p + "/" + w, runs, samples, run),
          k == 1 ? m3 -> m3.save(Path.of("bench/results/w3.keras")) : m3 -> {});
      System.err.println("done " + p);
    }
    if (part.equals("all") || part.equals("raw_tf")) {
      raw(data, (w, samples, run) -> results.put("raw_tf/" + w, repeat(runs, run)));
      results.put("machine/matmul_1024_gflops", repeat(runs, () -> RawTensorFlow.matmulGflops(1024, 20)));
      results.put("machine/matmul_2048_gflops", repeat(runs, () -> RawTensorFlow.matmulGflops(2048, 5)));
      System.err.println("done raw");
    }
    Files.createDirectories(outFile.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outFile.toFile(), results);
  }

  /** Receives each workload of a part in the suite's order: its name, the samples of one run, and the run. */
  interface Workload {
    void run(String workload, double samples, Supplier<Double> run);
  }

  /**
   * keras4j's part at {@code stepsPerExecution}, in the suite's order: each model built, handed over workload by
   * workload to {@code to}, then closed; {@code afterW3} receives W3's model after its runs.
   */
  static void keras4j(Data.Workloads d, int stepsPerExecution, Workload to, Consumer<Sequential> afterW3) {
    Keras4jWorkloads w = new Keras4jWorkloads(stepsPerExecution);
    try (Sequential m1 = w.w1()) {
      to.run("w1_train", 5 * 20000, () -> Keras4jWorkloads.fit(m1, d.x1(), d.y1(), 5, 32));
      to.run("w1_predict", W1_PREDICT_PASSES * 20000, () -> passes(() -> Keras4jWorkloads.predict(m1, d.x1(), 1024)));
    }
    try (Sequential m2 = w.w2()) {
      to.run("w2_train", 60000, () -> Keras4jWorkloads.fit(m2, d.x2(), d.y2(), 1, 128));
    }
    try (Sequential m3 = w.w3()) {
      to.run("w3_train", 10000, () -> Keras4jWorkloads.fit(m3, d.x3(), d.y3(), 1, 64));
      to.run("w3_predict", 10000, () -> Keras4jWorkloads.predict(m3, d.x3(), 64));
      afterW3.accept(m3);
    }
  }

  /** The raw loop's part: W1-W3 for raw TensorFlow Java, in the suite's order (the same samples as keras4j's). */
  static void raw(Data.Workloads d, Workload to) {
    float[] f1 = RawTensorFlow.flat(d.x1());
    float[][] y1 = Data.column(d.y1());
    try (RawTensorFlow r = RawTensorFlow.w1()) {
      to.run("w1_train", 5 * 20000, () -> r.fit(f1, new long[] {20000, 5}, y1, 5, 32));
      to.run("w1_predict", W1_PREDICT_PASSES * 20000,
          () -> passes(() -> r.predict(f1, new long[] {20000, 5}, 1024)));
    }
    float[] f2 = RawTensorFlow.flat(d.x2());
    try (RawTensorFlow r = RawTensorFlow.w2()) {
      to.run("w2_train", 60000, () -> r.fit(f2, new long[] {60000, 784}, d.y2(), 1, 128));
    }
    float[] f3 = RawTensorFlow.flat(Data.flatten(d.x3()));
    try (RawTensorFlow r = RawTensorFlow.w3()) {
      to.run("w3_train", 10000, () -> r.fit(f3, new long[] {10000, 28, 28, 1}, d.y3(), 1, 64));
      to.run("w3_predict", 10000, () -> r.predict(f3, new long[] {10000, 28, 28, 1}, 64));
    }
  }
}
