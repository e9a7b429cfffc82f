package io.keras4j.bench;

import io.keras4j.backend.Backend;
import io.keras4j.models.Sequential;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * One JVM of the suite's sequence ({@link Bench}'s {@code keras4j}, {@code keras4j_spe32} or {@code raw_tf} part),
 * printing for every run, untimed warm-up included, its samples/s and the milliseconds the JIT compiled and the
 * garbage collector ran during it: the part of the JVM's warm-up that a suite's timed run still pays.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.JitPhases [part, default keras4j] [runs after the warm-up, default 1]}.
 * With 1, each workload runs as in the suite: one untimed run, then the timed one. Add
 * {@code -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=FILE} to see what was compiled, and why
 * (the {@code uncommon_trap} entries); each printed line starts with the JVM's uptime in ms, the clock of that log.
 */
public final class JitPhases {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private JitPhases() {}

  public static void main(String[] args) {
    String part = args.length > 0 ? args[0] : "keras4j";
    int runs = 1 + (args.length > 1 ? Integer.parseInt(args[1]) : 1);
    Data.Workloads d = Data.workloads();
    Backend.loadRuntime();
    switch (part) {
      case "keras4j", "keras4j_spe32" -> keras4j(d, runs, part.equals("keras4j") ? 1 : 32);
      case "raw_tf" -> raw(d, runs);
      default -> throw new IllegalArgumentException("Expected part keras4j, keras4j_spe32 or raw_tf. Received: "
          + part);
    }
  }

  private static void keras4j(Data.Workloads d, int runs, int stepsPerExecution) {
    Keras4jWorkloads w = new Keras4jWorkloads(stepsPerExecution);
    try (Sequential m1 = w.w1()) {
      phases("w1_train", runs, () -> Keras4jWorkloads.fit(m1, d.x1(), d.y1(), 5, 32));
      phases("w1_predict", runs, () -> Bench.passes(() -> Keras4jWorkloads.predict(m1, d.x1(), 1024)));
    }
    try (Sequential m2 = w.w2()) {
      phases("w2_train", runs, () -> Keras4jWorkloads.fit(m2, d.x2(), d.y2(), 1, 128));
    }
    try (Sequential m3 = w.w3()) {
      phases("w3_train", runs, () -> Keras4jWorkloads.fit(m3, d.x3(), d.y3(), 1, 64));
      phases("w3_predict", runs, () -> Keras4jWorkloads.predict(m3, d.x3(), 64));
    }
  }

  private static void raw(Data.Workloads d, int runs) {
    float[] f1 = RawTensorFlow.flat(d.x1());
    float[][] y1 = new float[d.y1().length][1];
    for (int i = 0; i < y1.length; i++) {
      y1[i][0] = d.y1()[i];
    }
    try (RawTensorFlow r = RawTensorFlow.w1()) {
      phases("w1_train", runs, () -> r.fit(f1, new long[] {20000, 5}, y1, 5, 32));
      phases("w1_predict", runs, () -> Bench.passes(() -> r.predict(f1, new long[] {20000, 5}, 1024)));
    }
    float[] f2 = RawTensorFlow.flat(d.x2());
    try (RawTensorFlow r = RawTensorFlow.w2()) {
      phases("w2_train", runs, () -> r.fit(f2, new long[] {60000, 784}, d.y2(), 1, 128));
    }
    float[] f3 = RawTensorFlow.flat(Data.flatten(d.x3()));
    try (RawTensorFlow r = RawTensorFlow.w3()) {
      phases("w3_train", runs, () -> r.fit(f3, new long[] {10000, 28, 28, 1}, d.y3(), 1, 64));
      phases("w3_predict", runs, () -> r.predict(f3, new long[] {10000, 28, 28, 1}, 64));
    }
  }

  /** Runs {@code run} {@code runs} times, printing each run's samples/s, JIT and GC milliseconds. */
  private static void phases(String workload, int runs, Supplier<Double> run) {
    for (int i = 0; i < runs; i++) {
      long jit = JIT.getTotalCompilationTime();
      long gc = gcMillis();
      long t = System.nanoTime();
      double rate = run.get();
      long wall = (System.nanoTime() - t) / 1_000_000;
      System.out.printf("[%d ms] %s run %d%s: %.0f samples/s, %d ms, JIT %d ms, GC %d ms%n",
          ManagementFactory.getRuntimeMXBean().getUptime(), workload, i, i == 0 ? " (warm-up)" : "", rate, wall,
          JIT.getTotalCompilationTime() - jit, gcMillis() - gc);
    }
  }

  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, b.getCollectionTime());
    }
    return ms;
  }
}
