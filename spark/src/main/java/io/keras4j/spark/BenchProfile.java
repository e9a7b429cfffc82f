package io.keras4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;

/**
 * An optional Java Flight Recorder profile of a benchmark's timed rounds only (not its data preparation): set
 * {@code -Dkeras4j.bench.jfr=DIR} and each measured model's rounds are written to {@code DIR/<model>.jfr}. Read it
 * with {@code jfr print --events jdk.ExecutionSample}. JFR samples Java frames; TensorFlow's native work shows as
 * the Java frame that called it. Keras equivalent: none.
 */
final class BenchProfile {
  private BenchProfile() {}

  /** A started recording named after {@code name}, or null when no profile was asked for. */
  static Object start(String name) {
    String dir = System.getProperty("keras4j.bench.jfr");
    if (dir == null) {
      return null;
    }
    Recording r = new Recording();
    r.setName(name.replaceAll("[^A-Za-z0-9]+", "_"));
    r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(5));
    r.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(10));
    r.enable("jdk.ObjectAllocationSample");
    r.enable("jdk.GarbageCollection");
    r.start();
    return r;
  }

  /** Stops {@code recording} (from {@link #start}) and writes it; nothing when it is null. */
  static void stop(Object recording) throws java.io.IOException {
    if (recording instanceof Recording r) {
      r.stop();
      Path dir = Path.of(System.getProperty("keras4j.bench.jfr"));
      Files.createDirectories(dir);
      Path file = dir.resolve(r.getName() + ".jfr");
      r.dump(file);
      r.close();
      System.out.println("  JFR profile of the timed rounds: " + file);
    }
  }
}
