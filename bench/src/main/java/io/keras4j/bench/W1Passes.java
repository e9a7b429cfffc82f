package io.keras4j.bench;

import io.keras4j.backend.Backend;
import io.keras4j.models.Sequential;

/**
 * W1's prediction pass by pass in a fresh JVM, as the suite meets it: the runtime loaded, two W1 fits (the suite's
 * untimed and timed ones), then 8 predict passes of batch 1,024, each one's milliseconds printed. The suite's W1
 * prediction figure is the second pass.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.W1Passes [steps_per_execution, default 1]}.
 */
public final class W1Passes {
  private W1Passes() {}

  public static void main(String[] args) {
    int spe = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Data.Workloads d = Data.workloads();
    Backend.loadRuntime();
    try (Sequential m = new Keras4jWorkloads(spe).w1()) {
      Keras4jWorkloads.fit(m, d.x1(), d.y1(), 5, 32);
      Keras4jWorkloads.fit(m, d.x1(), d.y1(), 5, 32);
      StringBuilder passes = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        long t = System.nanoTime();
        m.predict(d.x1(), 1024);
        passes.append(String.format(" %.2f", (System.nanoTime() - t) / 1e6));
      }
      System.out.println("W1 predict, spe " + spe + ", ms per pass:" + passes);
    }
  }
}
