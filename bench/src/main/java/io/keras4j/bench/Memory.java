package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.callbacks.LambdaCallback;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resident size over 200 epochs of W1 (sampled every 10 epochs) and W2's peak resident size, in MiB. */
public final class Memory {
  private Memory() {}

  static long status(String key) throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith(key)) {
        return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  /** W2's peak resident size alone, in a fresh JVM: {@code Memory w2 out.json} (bench/run.sh's memory row). */
  static void w2Only(String file) throws Exception {
    new ObjectMapper().writeValue(Path.of(file).toFile(), Map.of("keras4j/peak_mib_w2_train",
        List.of((double) w2Peak())));
  }

  /** One epoch of W2 training; the process's peak resident size after it, MiB. */
  static long w2Peak() throws Exception {
    float[][] x2 = Data.features(60000, 784, 2);
    Sequential m2 = new Keras4jWorkloads(1).w2();
    m2.fit(x2, Data.oneHot10(x2), new FitOptions().epochs(1).batchSize(128).verbose(0));
    return status("VmHWM");
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[0].equals("w2")) {
      w2Only(args[1]);
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    float[][] x1 = Data.features(20000, 5, 1);
    float[] y1 = Data.binaryLabels(x1);
    Sequential m1 = new Keras4jWorkloads(1).w1();
    List<Long> rss = new ArrayList<>();
    m1.fit(x1, y1, new FitOptions().epochs(200).batchSize(32).verbose(0).callbacks(new LambdaCallback()
        .onEpochEnd((e, logs) -> {
          if ((e + 1) % 10 == 0) {
            try {
              rss.add(status("VmRSS"));
            } catch (Exception ex) {
              throw new IllegalStateException(ex);
            }
          }
        })));
    m1.close();
    out.put("w1_rss_mib_every_10_epochs", rss);
    out.put("w2_peak_rss_mib", w2Peak());
    new ObjectMapper().writeValue(Path.of(args.length > 0 ? args[0] : "bench/results/memory.json").toFile(), out);
  }
}
