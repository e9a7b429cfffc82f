package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.Backend;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W6's load test: {@code Models.loadModel} of a Keras-written application file and its first {@code predict} of one
 * image, in this fresh JVM; writes the seconds of each and the peak resident size (VmHWM, MiB) as JSON, the same
 * keys as bench/keras/bench_w6.py's {@code load} mode.
 *
 * <p>Clocked as Python's side: {@link Backend#loadRuntime()} (TensorFlow's native library, keras4j's {@code import
 * keras}) runs before the clock starts, so {@code w6_load_*_s}, {@code w6_first_predict_*_s} and
 * {@code w6_load_predict_*_s} time the load and the predict alone. The {@code *_process_s} keys are seconds since the
 * process started (as bench_w6.py's): {@code w6_runtime_*_process_s} when the runtime was loaded (Python: after
 * {@code import keras}), {@code w6_load_*_process_s} when the model was loaded and
 * {@code w6_load_predict_*_process_s} when the first prediction was back.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.LoadApp file.keras out.json}.
 */
public final class LoadApp {
  private LoadApp() {}

  public static void main(String[] args) throws Exception {
    ProcessClock clock = new ProcessClock();
    Path file = Path.of(args[0]);
    String name = file.getFileName().toString().replaceAll("\\..*$", "");
    loadRuntime();
    long t = System.nanoTime();
    Model m = Models.loadModel(file);
    long loaded = System.nanoTime();
    int size = (int) m.inputs().get(0).shape().get(1);
    m.predict(W6.images(1, size));
    long done = System.nanoTime();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("keras4j/w6_load_" + name + "_s", List.of((loaded - t) / 1e9));
    r.put("keras4j/w6_first_predict_" + name + "_s", List.of((done - loaded) / 1e9));
    r.put("keras4j/w6_load_predict_" + name + "_s", List.of((done - t) / 1e9));
    r.put("keras4j/peak_mib_" + name, List.of((double) Memory.status("VmHWM")));
    r.put("keras4j/w6_runtime_" + name + "_process_s", List.of(clock.seconds(t)));
    r.put("keras4j/w6_load_" + name + "_process_s", List.of(clock.seconds(loaded)));
    r.put("keras4j/w6_load_predict_" + name + "_process_s", List.of(clock.seconds(done)));
    new ObjectMapper().writeValue(new File(args[1]), r);
  }

  /**
   * {@link Backend#loadRuntime()}; for keras4j builds from before it (bench/load-time.sh's base), the same through
   * TensorFlow Java: the engine started for inference, then its native library loaded.
   */
  static void loadRuntime() throws ReflectiveOperationException {
    try {
      Backend.loadRuntime();
    } catch (NoSuchMethodError e) {
      Backend.engineForInference();
      Class.forName("org.tensorflow.TensorFlow").getMethod("version").invoke(null);
    }
  }

  /**
   * Seconds since this process started, as bench_w6.py counts them: the process' start time from /proc/self/stat
   * (field 22, clock ticks since boot) against /proc/uptime (seconds since boot), both read once at construction,
   * then {@code System.nanoTime}. Resolution: one clock tick (10 ms); NaN where /proc is not there.
   */
  static final class ProcessClock {
    private final double atNano0;
    private final long nano0;

    ProcessClock() {
      double at;
      try {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long startTicks = Long.parseLong(f[19]); // field 22 of the whole line; fields counted after "(comm) "
        double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        at = uptime - startTicks / (double) CLOCK_TICKS;
      } catch (Exception e) {
        at = Double.NaN;
      }
      nano0 = System.nanoTime();
      atNano0 = at;
    }

    /** Seconds since the process started at {@code nanoTime}. */
    double seconds(long nanoTime) {
      return atNano0 + (nanoTime - nano0) / 1e9;
    }
  }

  /** USER_HZ, the unit of /proc/self/stat's start time: 100 on Linux (`getconf CLK_TCK`). */
  private static final int CLOCK_TICKS = 100;
}
