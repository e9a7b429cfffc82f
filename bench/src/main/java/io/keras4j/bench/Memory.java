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

  public static void main(String[] args) throws Exception {
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
    float[][] x2 = Data.features(60000, 784, 2);
    Sequential m2 = new Keras4jWorkloads(1).w2();
    m2.fit(x2, Data.oneHot10(x2), new FitOptions().epochs(1).batchSize(128).verbose(0));
    out.put("w2_peak_rss_mib", status("VmHWM"));
    new ObjectMapper().writeValue(Path.of(args.length > 0 ? args[0] : "bench/results/memory.json").toFile(), out);
  }
}
