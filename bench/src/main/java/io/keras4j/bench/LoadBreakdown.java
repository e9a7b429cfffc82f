package io.keras4j.bench;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import io.keras4j.saving.formats.ModelConfigs;
import io.keras4j.saving.formats.WeightsH5;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Where a {@code .keras} load and first predict spend their time, phase by phase, in this fresh JVM: the engine's
 * runtime ({@link Backend#loadRuntime}, before LoadApp's clock), reading the zip's entries, parsing config.json and
 * building the layers, reading the weights (jhdf, host values), the first predict, and a second predict (what is
 * left once everything is prepared). The phases follow {@code KerasZip.load} through public calls; the sum after the
 * runtime is close to {@link LoadApp}'s load + first predict.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.LoadBreakdown file.keras}.
 */
public final class LoadBreakdown {
  private static long last = System.nanoTime();
  private static long lastCpu;
  private static long lastProcessCpu;

  private LoadBreakdown() {}

  /** Prints the phase's wall seconds, the main thread's CPU seconds and the whole process' CPU seconds. */
  private static void phase(String name) {
    long now = System.nanoTime();
    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long process = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    System.out.printf("PHASE %-22s at %6.3f s wall %7.3f s  main cpu %7.3f s  process cpu %7.3f s%n", name, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, (now - last) / 1e9,
        (cpu - lastCpu) / 1e9, (process - lastProcessCpu) / 1e9);
    last = now;
    lastCpu = cpu;
    lastProcessCpu = process;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long start = System.nanoTime();
    phase("JVM start to main");
    last = start;
    LoadApp.loadRuntime();
    phase("runtime (loadRuntime)");
    byte[] config = null;
    Path weights = Files.createTempFile("breakdown", ".weights.h5");
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().equals("config.json")) {
          config = zip.readAllBytes();
        } else if (e.getName().equals("model.weights.h5")) {
          Files.copy((InputStream) zip, weights, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    phase("zip read");
    try (Model m = ModelConfigs.fromJson(new String(config, java.nio.charset.StandardCharsets.UTF_8))) {
      phase("config + layers");
      Map<String, Variable> vars = WeightsH5.paths(m, null);
      WeightsH5.read(weights, vars);
      phase("weights read+assign");
      System.out.printf("VARIABLES %d%n", vars.size());
      int size = (int) m.inputs().get(0).shape().get(1);
      NDArray x = W6.images(1, size);
      m.predict(x);
      phase("first predict");
      System.out.printf("TOTAL load + first predict %.3f s%n", (System.nanoTime() - start) / 1e9);
      m.predict(x);
      phase("second predict");
    } finally {
      Files.deleteIfExists(weights);
    }
  }
}
