package io.keras4j.bench;

import io.keras4j.models.Sequential;

/**
 * Profiles one keras4j workload by TensorFlow op type: run with {@code -Dkeras4j.profile=FILE}, which receives the
 * table when the JVM exits (see {@code bench/profile.sh}). One untraced warm-up, then one traced pass; prints the
 * traced pass's wall time, to set against the op time in the table (the rest is Java and session overhead).
 */
public final class Profile {
  private Profile() {}

  /**
   * Arguments: the workload, and for w1 the number of traced passes (epochs) (default 1; more for a JFR). The system
   * property {@code bench.spe} sets W1-W3's steps_per_execution (default 1).
   */
  public static void main(String[] args) {
    String workload = args.length > 0 ? args[0] : "w2_train";
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Keras4jWorkloads w = new Keras4jWorkloads(Integer.getInteger("bench.spe", 1));
    long t;
    long cpu;
    switch (workload) {
      case "w1_predict" -> {
        float[][] x = Data.features(20000, 5, 1);
        try (Sequential m = w.w1()) {
          m.predict(x, 1024);
          t = System.nanoTime();
          cpu = processCpuNanos();
          for (int i = 0; i < passes; i++) {
            m.predict(x, 1024);
          }
        }
      }
      case "w1_train" -> {
        float[][] x = Data.features(20000, 5, 1);
        float[] y = Data.binaryLabels(x);
        try (Sequential m = w.w1()) {
          Keras4jWorkloads.fit(m, x, y, 1, 32);
          t = System.nanoTime();
          cpu = processCpuNanos();
          Keras4jWorkloads.fit(m, x, y, passes, 32);
        }
      }
      case "w2_train" -> {
        float[][] x = Data.features(60000, 784, 2);
        float[][] y = Data.oneHot10(x);
        try (Sequential m = w.w2()) {
          Keras4jWorkloads.fit(m, x, y, 1, 128);
          t = System.nanoTime();
          cpu = processCpuNanos();
          Keras4jWorkloads.fit(m, x, y, 1, 128);
        }
      }
      case "w3_train" -> {
        float[][][][] x = Data.images(10000, 3);
        int[] y = Data.digitLabels(x);
        try (Sequential m = w.w3()) {
          Keras4jWorkloads.fit(m, x, y, 1, 64);
          t = System.nanoTime();
          cpu = processCpuNanos();
          Keras4jWorkloads.fit(m, x, y, 1, 64);
        }
      }
      case "w3_predict" -> {
        float[][][][] x = Data.images(10000, 3);
        try (Sequential m = w.w3()) {
          m.predict(x, 64);
          t = System.nanoTime();
          cpu = processCpuNanos();
          m.predict(x, 64);
        }
      }
      case "w5_train", "w5g_train" -> {
        float[][][] x = Data.sequences(2048, 5);
        float[][] y = Data.sequenceMeans(x);
        java.util.function.IntFunction<io.keras4j.layers.Layer> layer =
            workload.equals("w5_train") ? io.keras4j.layers.LSTM::new : io.keras4j.layers.GRU::new;
        try (Sequential m = W5.model(layer, 1)) {
          Keras4jWorkloads.fit(m, x, y, 1, W5.BATCH);
          t = System.nanoTime();
          cpu = processCpuNanos();
          Keras4jWorkloads.fit(m, x, y, passes, W5.BATCH);
        }
      }
      case "w5_predict", "w5g_predict", "w5_predict_spe32", "w5g_predict_spe32" -> {
        float[][][] x = Data.sequences(4096, 5);
        java.util.function.IntFunction<io.keras4j.layers.Layer> layer =
            workload.startsWith("w5_") ? io.keras4j.layers.LSTM::new : io.keras4j.layers.GRU::new;
        try (Sequential m = W5.model(layer, workload.endsWith("_spe32") ? 32 : 1)) {
          m.predict(x, W5.BATCH);
          t = System.nanoTime();
          cpu = processCpuNanos();
          for (int i = 0; i < passes; i++) {
            m.predict(x, W5.BATCH);
          }
        }
      }
      default -> throw new IllegalArgumentException("Unknown workload '" + workload
          + "'. Expected one of w1_train, w1_predict, w2_train, w3_train, w3_predict, w5_train, w5g_train, w5[g]_predict[_spe32]");
    }
    System.out.printf("%s traced pass: %.1f ms wall, %.1f ms process CPU%n", workload, (System.nanoTime() - t) / 1e6,
        (processCpuNanos() - cpu) / 1e6);
  }

  /** The CPU time of every thread of this process (a measure of work that a shared machine's load leaves alone). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
