package io.keras4j.bench;

import io.keras4j.models.Sequential;

/**
 * W3 alone (Keras4jWorkloads' CNN, 10,000 28x28x1 images, batch 64): one untimed fit and predict, then RUNS timed
 * fits of one epoch and RUNS timed predicts; prints one line per run, "w3_train SAMPLES_PER_S" or "w3_predict ...",
 * the lines {@code bench/keras/bench_w3.py} prints for Keras, so {@code bench/w3.sh} can interleave the two.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.W3 [runs, default 3] [steps_per_execution, default 1]}.
 */
public final class W3 {
  private W3() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int spe = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Data.Workloads d = Data.workloads();
    try (Sequential m = new Keras4jWorkloads(spe).w3()) {
      Keras4jWorkloads.fit(m, d.x3(), d.y3(), 1, 64);
      Keras4jWorkloads.predict(m, d.x3(), 64);
      for (int i = 0; i < runs; i++) {
        System.out.printf("w3_train %.0f%n", Keras4jWorkloads.fit(m, d.x3(), d.y3(), 1, 64));
      }
      for (int i = 0; i < runs; i++) {
        System.out.printf("w3_predict %.0f%n", Keras4jWorkloads.predict(m, d.x3(), 64));
      }
    }
  }
}
