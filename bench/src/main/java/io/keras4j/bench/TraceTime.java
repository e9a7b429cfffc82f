package io.keras4j.bench;

import io.keras4j.models.Sequential;

/**
 * Trace time: the first fit and predict of a fresh model against the second, in a fresh JVM per case (issue 15, item
 * 5). Usage: {@code TraceTime w1|w2|w3 stepsPerExecution}; prints
 * {@code TRACE workload spe fit_first_s fit_second_s predict_first_s predict_second_s warmup warmup_s}, after a
 * warm-up (another model's predict) that loads TensorFlow's native library.
 */
public final class TraceTime {
  private TraceTime() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    warmUp();
    double warm = (System.nanoTime() - t0) / 1e9;
    String w = args[0];
    int k = Integer.parseInt(args[1]);
    Keras4jWorkloads workloads = new Keras4jWorkloads(k);
    Object x;
    Object y;
    Sequential m;
    int batch;
    int predictBatch;
    if (w.equals("w1")) {
      float[][] x1 = Data.features(20000, 5, 1);
      x = x1;
      y = Data.binaryLabels(x1);
      m = workloads.w1();
      batch = 32;
      predictBatch = 1024;
    } else if (w.equals("w2")) {
      float[][] x2 = Data.features(60000, 784, 2);
      x = x2;
      y = Data.oneHot10(x2);
      m = workloads.w2();
      batch = 128;
      predictBatch = 128;
    } else {
      float[][][][] x3 = Data.images(10000, 3);
      int[] y3 = Data.digitLabels(x3);
      x = x3;
      y = y3;
      m = workloads.w3();
      batch = 64;
      predictBatch = 64;
    }
    int n = java.lang.reflect.Array.getLength(x);
    double f1 = n / Keras4jWorkloads.fit(m, x, y, 1, batch);
    double f2 = n / Keras4jWorkloads.fit(m, x, y, 1, batch);
    double p1 = n / Keras4jWorkloads.predict(m, x, predictBatch);
    double p2 = n / Keras4jWorkloads.predict(m, x, predictBatch);
    System.out.printf("TRACE %s %d %.3f %.3f %.3f %.3f warmup %.3f%n", w, k, f1, f2, p1, p2, warm);
    m.close();
  }

  /** Loads TensorFlow's native library and starts a session on another model, as Python's import does. */
  private static void warmUp() {
    try (Sequential tiny = new Sequential()) {
      tiny.add(new io.keras4j.layers.Dense(1).inputDim(1));
      tiny.predict(new float[][] {{1}}, 1);
    }
  }
}
