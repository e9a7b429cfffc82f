package io.keras4j.bench;

import io.keras4j.backend.Backend;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Dense;
import io.keras4j.layers.InputLayer;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W7, training on batches streamed from a {@code Dataset} whose every batch takes time to load, as images read from
 * disk do: Input(64) -> Dense(512, relu) -> Dense(512, relu) -> Dense(1, sigmoid), Adam(1e-3), binary cross-entropy,
 * 32 batches of 256 per epoch; {@code get(i)} waits {@code loadMillis} (an emulated read: the thread sleeps, as one
 * blocked on a file does) and then draws its batch from a generator seeded by {@code i}.
 *
 * <p>The Keras equivalent is {@code bench/keras/bench_streamed.py} (a {@code keras.utils.PyDataset} of the same
 * batches and wait); {@code bench/streamed.sh} runs both in turn. Usage: {@code java ... io.keras4j.bench.Streamed
 * [runs, default 3] [loadMillis, default 4] [workers, comma-separated, default 1,4]}; prints one line of JSON,
 * "keras4j/w7_workers&lt;n&gt;" -&gt; samples/s of each timed epoch, after one untimed warm-up epoch.
 */
public final class Streamed {
  static final int FEATURES = 64;
  static final int BATCH = 256;
  static final int BATCHES = 32;

  private Streamed() {}

  /** The streamed batches: label 1 where the sum of the first 8 features is positive. */
  static Dataset data(int workers, long loadMillis) {
    return workers == 1 ? new Batches(loadMillis) : new Batches(workers, loadMillis);
  }

  private static final class Batches extends Dataset {
    private final long loadMillis;

    Batches(long loadMillis) { // Keras' defaults, also on a keras4j that has no worker settings
      this.loadMillis = loadMillis;
    }

    Batches(int workers, long loadMillis) {
      super(workers, false, 10);
      this.loadMillis = loadMillis;
    }

    @Override
    public int length() {
      return BATCHES;
    }

    @Override
    public Batch get(int index) {
      try {
        Thread.sleep(loadMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Random r = new Random(index);
      float[][] x = new float[BATCH][FEATURES];
      float[] y = new float[BATCH];
      for (int i = 0; i < BATCH; i++) {
        float s = 0;
        for (int f = 0; f < FEATURES; f++) {
          x[i][f] = (float) r.nextGaussian();
          s += f < 8 ? x[i][f] : 0;
        }
        y[i] = s > 0 ? 1 : 0;
      }
      return Batch.of(x, y);
    }
  }

  static Sequential model() {
    Backend.setRandomSeed(7);
    Sequential m = new Sequential(new InputLayer(FEATURES), new Dense(512).activation("relu"),
        new Dense(512).activation("relu"), new Dense(1).activation("sigmoid"));
    m.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("binary_crossentropy"));
    return m;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    long loadMillis = args.length > 1 ? Long.parseLong(args[1]) : 4;
    String[] workers = (args.length > 2 ? args[2] : "1,4").split(",");
    Map<String, Object> results = new LinkedHashMap<>();
    for (String w : workers) {
      Dataset data = data(Integer.parseInt(w), loadMillis);
      try (Sequential m = model()) {
        m.fit(data, new FitOptions().epochs(1).verbose(0)); // warm-up: tracing
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          m.fit(data, new FitOptions().epochs(1).verbose(0));
          rates.add((double) BATCH * BATCHES / ((System.nanoTime() - t) / 1e9));
        }
        results.put("keras4j/w7_workers" + w, rates);
      }
    }
    System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(results));
  }
}
