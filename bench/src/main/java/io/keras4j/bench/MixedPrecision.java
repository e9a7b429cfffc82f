package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.dtypepolicies.DTypePolicies;
import io.keras4j.models.Sequential;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * keras4j's W2 and W3 training under one dtype policy (Keras' {@code keras.config.set_dtype_policy}), for
 * {@code bench/mixed.sh}: one untimed epoch, then {@code repeats} timed epochs each, as samples/s in JSON.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.MixedPrecision policy repeats out.json}.
 */
public final class MixedPrecision {
  private MixedPrecision() {}

  public static void main(String[] args) throws Exception {
    String policy = args[0];
    int repeats = Integer.parseInt(args[1]);
    DTypePolicies.setDtypePolicy(policy);
    Keras4jWorkloads w = new Keras4jWorkloads(1);
    Map<String, Object> r = new LinkedHashMap<>();
    float[][] x2 = Data.features(60000, 784, 2);
    float[][] y2 = Data.oneHot10(x2);
    try (Sequential m2 = w.w2()) {
      Keras4jWorkloads.fit(m2, x2, y2, 1, 128);
      r.put("w2_train", Repeat.times(repeats, () -> Keras4jWorkloads.fit(m2, x2, y2, 1, 128)));
    }
    float[][][][] x3 = Data.images(10000, 3);
    int[] y3 = Data.digitLabels(x3);
    try (Sequential m3 = w.w3()) {
      Keras4jWorkloads.fit(m3, x3, y3, 1, 64);
      r.put("w3_train", Repeat.times(repeats, () -> Keras4jWorkloads.fit(m3, x3, y3, 1, 64)));
    }
    new ObjectMapper().writeValue(new File(args[2]), r);
  }
}
