package io.keras4j.bench;

import io.keras4j.backend.Backend;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * One JVM of the suite's sequence ({@link Bench#keras4j} at steps_per_execution 1 or 32, or {@link Bench#raw}),
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
    Bench.Workload print = (workload, samples, run) -> phases(workload, runs, run);
    switch (part) {
      case "keras4j", "keras4j_spe32" -> Bench.keras4j(d, part.equals("keras4j") ? 1 : 32, print, m3 -> {});
      case "raw_tf" -> Bench.raw(d, print);
      default -> throw new IllegalArgumentException("Expected part keras4j, keras4j_spe32 or raw_tf. Received: "
          + part);
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
