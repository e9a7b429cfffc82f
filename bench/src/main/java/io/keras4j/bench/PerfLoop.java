package io.keras4j.bench;

import io.keras4j.layers.GRU;
import io.keras4j.layers.LSTM;
import io.keras4j.models.Sequential;
import java.util.function.DoubleSupplier;

/**
 * One workload run in a loop for a sampling profiler ({@code bench/perf.sh}): two untimed runs (tracing, kernel
 * selection, JIT), then the line {@code READY} on standard output, when the profiler attaches, then PASSES timed runs,
 * one line each ("w3_predict SAMPLES_PER_S"), as {@code bench/keras/loop.py} prints them for Keras.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.PerfLoop WORKLOAD STEPS_PER_EXECUTION PASSES [BATCH]}, WORKLOAD one
 * of w2_train, w3_train, w3_predict, w5_train, w5_predict, w5g_train, w5g_predict (keras4j; W5 is {@link W5}'s LSTM
 * on its 4,096 sequences, W5g its GRU) or w2_train_raw, w3_train_raw, w3_predict_raw (the raw TensorFlow Java loop of
 * {@link RawTensorFlow}, which ignores STEPS_PER_EXECUTION; it has no W5). BATCH, for W5 only, replaces W5's batch
 * size of {@value W5#BATCH} (to measure the recurrences' two chains by batch size).
 */
public final class PerfLoop {
  private PerfLoop() {}

  public static void main(String[] args) throws Exception {
    String workload = args[0];
    int spe = Integer.parseInt(args[1]);
    int passes = Integer.parseInt(args[2]);
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : W5.BATCH;
    if (args.length > 3 && (!workload.startsWith("w5") || batch <= 0)) {
      throw new IllegalArgumentException("BATCH is for the W5 workloads and must be positive. Received: BATCH="
          + args[3] + " for workload " + workload);
    }
    Data.Workloads d = Data.workloads();
    try (AutoCloseable model = workload.endsWith("_raw") ? raw(workload) : keras4j(workload, spe)) {
      DoubleSupplier run = run(workload, model, d, batch);
      run.getAsDouble();
      run.getAsDouble();
      System.out.println("READY");
      System.out.flush();
      for (int i = 0; i < passes; i++) {
        System.out.printf("%s %.0f%n", workload, run.getAsDouble());
      }
    }
  }

  private static AutoCloseable keras4j(String workload, int spe) {
    if (workload.startsWith("w5")) {
      return W5.model(workload.startsWith("w5g") ? GRU::new : LSTM::new, spe);
    }
    Keras4jWorkloads w = new Keras4jWorkloads(spe);
    return workload.startsWith("w2") ? w.w2() : w.w3();
  }

  private static AutoCloseable raw(String workload) {
    return workload.startsWith("w2") ? RawTensorFlow.w2() : RawTensorFlow.w3();
  }

  private static DoubleSupplier run(String workload, AutoCloseable model, Data.Workloads d, int batch) {
    return switch (workload) {
      case "w2_train" -> () -> Keras4jWorkloads.fit((Sequential) model, d.x2(), d.y2(), 1, 128);
      case "w3_train" -> () -> Keras4jWorkloads.fit((Sequential) model, d.x3(), d.y3(), 1, 64);
      case "w3_predict" -> () -> Keras4jWorkloads.predict((Sequential) model, d.x3(), 64);
      case "w5_train", "w5_predict", "w5g_train", "w5g_predict" -> {
        float[][][] x = Data.sequences(4096, 5);
        float[][] y = Data.sequenceMeans(x);
        yield workload.endsWith("_train")
            ? () -> Keras4jWorkloads.fit((Sequential) model, x, y, 1, batch)
            : () -> Keras4jWorkloads.predict((Sequential) model, x, batch);
      }
      case "w2_train_raw" -> {
        float[] x = RawTensorFlow.flat(d.x2());
        yield () -> ((RawTensorFlow) model).fit(x, new long[] {60000, 784}, d.y2(), 1, 128);
      }
      case "w3_train_raw", "w3_predict_raw" -> {
        RawTensorFlow raw = (RawTensorFlow) model;
        float[] x = RawTensorFlow.flat(Data.flatten(d.x3()));
        long[] shape = {10000, 28, 28, 1};
        yield workload.equals("w3_train_raw")
            ? () -> raw.fit(x, shape, d.y3(), 1, 64)
            : () -> raw.predict(x, shape, 64);
      }
      default -> throw new IllegalArgumentException("Unknown workload '" + workload + "'. Expected one of w2_train, "
          + "w3_train, w3_predict, w5_train, w5_predict, w5g_train, w5g_predict, w2_train_raw, w3_train_raw, "
          + "w3_predict_raw");
    };
  }
}
