package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.Backend;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GRU;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.LSTM;
import io.keras4j.layers.Layer;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * W5, the recurrent workload, written with keras4j as a Keras user writes it: Input((200, 8)) -> LSTM(64) -> Dense(1),
 * Adam(1e-3), mean squared error, batch 64; W5g the same with GRU(64). Every other argument at Keras' default.
 *
 * <p>The Keras equivalent is {@code bench/keras/bench_w5.py}, the PyTorch one {@code bench/pytorch/bench_w5.py};
 * {@code bench/w5.sh} runs the three in turn and prints the table.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.W5 [runs, default 1] [samples, default 4096] [out.json]}. Writes
 * "keras4j/&lt;workload&gt;" (steps_per_execution 1, Keras' default) and "keras4j_spe32/&lt;workload&gt;" -&gt;
 * samples/s of each timed run, each after one untimed warm-up (graph building).
 */
public final class W5 {
  static final int STEPS = 200;
  static final int FEATURES = 8;
  static final int UNITS = 64;
  static final int BATCH = 64;

  private W5() {}

  static Sequential model(IntFunction<Layer> recurrent, int stepsPerExecution) {
    Backend.setRandomSeed(5);
    Sequential m = new Sequential(new InputLayer(STEPS, FEATURES), recurrent.apply(UNITS), new Dense(1));
    m.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("mse").stepsPerExecution(stepsPerExecution));
    return m;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
    File out = args.length > 2 ? new File(args[2]) : null;
    float[][][] x = Data.sequences(samples, 5);
    float[][] y = Data.sequenceMeans(x);
    Map<String, Object> results = new LinkedHashMap<>();
    Map<String, IntFunction<Layer>> layers = new LinkedHashMap<>();
    layers.put("w5", LSTM::new);
    layers.put("w5g", GRU::new);
    for (int spe : new int[] {1, 32}) {
      String prefix = spe == 1 ? "keras4j" : "keras4j_spe" + spe;
      for (Map.Entry<String, IntFunction<Layer>> e : layers.entrySet()) {
        try (Sequential m = model(e.getValue(), spe)) {
          results.put(prefix + "/" + e.getKey() + "_train",
              Bench.repeat(runs, () -> Keras4jWorkloads.fit(m, x, y, 1, BATCH)));
          results.put(prefix + "/" + e.getKey() + "_predict",
              Bench.repeat(runs, () -> Keras4jWorkloads.predict(m, x, BATCH)));
        }
        System.err.println("done " + prefix + " " + e.getKey());
      }
    }
    results.put("keras4j/meta", Map.of("samples", samples, "java", System.getProperty("java.version"),
        "processors", Runtime.getRuntime().availableProcessors()));
    if (out != null) {
      new ObjectMapper().writeValue(out, results);
    } else {
      System.out.println(new ObjectMapper().writeValueAsString(results));
    }
  }
}
