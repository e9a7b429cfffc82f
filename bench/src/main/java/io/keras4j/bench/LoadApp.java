package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W6's load test: {@code Models.loadModel} of a Keras-written application file and its first {@code predict} of one
 * image, in this fresh JVM; writes the seconds of each and the peak resident size (VmHWM, MiB) as JSON, the same
 * keys as bench/keras/bench_w6.py's {@code load} mode.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.LoadApp file.keras out.json}.
 */
public final class LoadApp {
  private LoadApp() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String name = file.getFileName().toString().replaceAll("\\..*$", "");
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
    new ObjectMapper().writeValue(new File(args[1]), r);
  }
}
