package io.keras4j.bench;

import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * keras4j's traced functions run through TensorFlow's C API (the default) against the same functions run through
 * TensorFlow Java's {@code Session.Runner} ({@code -Dkeras4j.tensorflow.directRuns=false}), in one JVM: the workload's
 * model is built twice, once each way (a function reads the property at its first call), both are warmed up with two
 * runs, then the two run in turn, the order alternating by round. Prints each side's median samples/s with its
 * min-max, and the ratio of the medians.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.DirectRuns WORKLOAD [rounds, default 8] [runner-first]} with WORKLOAD
 * one of w1_train, w1_predict, w1_predict_b32 (W1's prediction in batches of 32), w2_train, w3_train, w3_predict;
 * {@code runner-first} builds the Runner's model first.
 */
public final class DirectRuns {
  private static final String PROPERTY = "keras4j.tensorflow.directRuns";

  private DirectRuns() {}

  public static void main(String[] args) {
    String workload = args[0];
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    boolean runnerFirst = args.length > 2 && args[2].equals("runner-first");
    Data.Workloads d = Data.workloads();
    io.keras4j.backend.Backend.loadRuntime();
    Keras4jWorkloads k = new Keras4jWorkloads(1);
    // index 0: direct, 1: Runner
    Sequential[] models = new Sequential[2];
    for (int b = 0; b < 2; b++) {
      int side = runnerFirst ? 1 - b : b;
      System.setProperty(PROPERTY, side == 0 ? "true" : "false");
      models[side] = workload.startsWith("w1") ? k.w1() : workload.startsWith("w2") ? k.w2() : k.w3();
      run(workload, models[side], d);
      run(workload, models[side], d);
    }
    System.clearProperty(PROPERTY);
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds; r++) {
      for (int j = 0; j < 2; j++) {
        int side = (r + j) % 2;
        rates.get(side).add(run(workload, models[side], d));
      }
    }
    double[] medians = new double[2];
    for (int side = 0; side < 2; side++) {
      List<Double> v = rates.get(side);
      Collections.sort(v);
      medians[side] = v.get(v.size() / 2);
      System.out.printf("%s %s: %.0f samples/s (%.0f-%.0f)%n", workload, side == 0 ? "direct" : "Runner",
          medians[side], v.get(0), v.get(v.size() - 1));
    }
    System.out.printf("%s direct / Runner: %.2f%n", workload, medians[0] / medians[1]);
    for (Sequential m : models) {
      m.close();
    }
  }

  private static double run(String workload, Sequential m, Data.Workloads d) {
    return switch (workload) {
      case "w1_train" -> Keras4jWorkloads.fit(m, d.x1(), d.y1(), 5, 32);
      case "w1_predict" -> Bench.passes(() -> Keras4jWorkloads.predict(m, d.x1(), 1024));
      case "w1_predict_b32" -> Keras4jWorkloads.predict(m, d.x1(), 32);
      case "w2_train" -> Keras4jWorkloads.fit(m, d.x2(), d.y2(), 1, 128);
      case "w3_train" -> Keras4jWorkloads.fit(m, d.x3(), d.y3(), 1, 64);
      case "w3_predict" -> Keras4jWorkloads.predict(m, d.x3(), 64);
      default -> throw new IllegalArgumentException("Expected workload w1_train, w1_predict, w1_predict_b32, "
          + "w2_train, w3_train or w3_predict. Received: " + workload);
    };
  }
}
