package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.models.Sequential;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * keras4j's W1-W3 only, repeated more than {@link Bench} does, for a before/after comparison of two builds
 * ({@code bench/ab.sh}): W1 training 4 times, W1 prediction 6 times after 20 untimed calls, W2 training 3 times,
 * W3 training 2 times and prediction 3 times, each after one untimed run. Written as JSON lists of samples/s.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.Repeat steps_per_execution out.json}. It uses only API that keras4j's
 * older builds have too, so that {@code bench/ab.sh} compiles it against both.
 */
public final class Repeat {
  private Repeat() {}

  static List<Double> times(int n, Supplier<Double> run) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(run.get());
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    int spe = Integer.parseInt(args[0]);
    String p = spe == 1 ? "keras4j" : "keras4j_spe" + spe;
    Map<String, Object> r = new LinkedHashMap<>();
    Keras4jWorkloads w = new Keras4jWorkloads(spe);
    float[][] x1 = Data.features(20000, 5, 1);
    float[] y1 = Data.binaryLabels(x1);
    Sequential m1 = w.w1();
    Keras4jWorkloads.fit(m1, x1, y1, 1, 32);
    r.put(p + "/w1_train", times(4, () -> Keras4jWorkloads.fit(m1, x1, y1, 5, 32)));
    times(20, () -> Keras4jWorkloads.predict(m1, x1, 1024));
    r.put(p + "/w1_predict", times(6, () -> Keras4jWorkloads.predict(m1, x1, 1024)));
    m1.close();
    float[][] x2 = Data.features(60000, 784, 2);
    float[][] y2 = Data.oneHot10(x2);
    Sequential m2 = w.w2();
    Keras4jWorkloads.fit(m2, x2, y2, 1, 128);
    r.put(p + "/w2_train", times(3, () -> Keras4jWorkloads.fit(m2, x2, y2, 1, 128)));
    m2.close();
    float[][][][] x3 = Data.images(10000, 3);
    int[] y3 = Data.digitLabels(x3);
    Sequential m3 = w.w3();
    Keras4jWorkloads.fit(m3, x3, y3, 1, 64);
    r.put(p + "/w3_train", times(2, () -> Keras4jWorkloads.fit(m3, x3, y3, 1, 64)));
    Keras4jWorkloads.predict(m3, x3, 64);
    r.put(p + "/w3_predict", times(3, () -> Keras4jWorkloads.predict(m3, x3, 64)));
    m3.close();
    new ObjectMapper().writeValue(new File(args[1]), r);
  }
}
