package io.keras4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.applications.MobileNetV2;
import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * W6: MobileNetV2 (models module, random weights) at 224x224: inference images/s at batch 1 (16 images) and 32
 * (64 images) with {@code predict}, and fine-tuning train steps/s (the top 54 layers trainable, BatchNormalization
 * frozen, a new Dense(10) softmax head, Adam(1e-4), 4 steps of batch 32 per fit), each after one untimed run.
 * The same as bench/keras/bench_w6.py's {@code run} mode.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.W6 runs out.json}.
 */
public final class W6 {
  private W6() {}

  /**
   * {@code n} images of {@code size x size x 3}, uniform in [-1, 1), as one flat array: the peer of the NumPy array
   * bench_w6.py feeds (nested {@code float[][][][]} would cost a copy and garbage per batch).
   */
  static NDArray images(int n, int size) {
    Random r = new Random(6);
    float[] x = new float[n * size * size * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() * 2 - 1;
    }
    return NDArray.of(x, n, size, size, 3);
  }

  static List<Double> timed(int runs, double units, DoubleSupplier seconds) {
    seconds.getAsDouble();
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      out.add(units / seconds.getAsDouble());
    }
    return out;
  }

  static double seconds(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e9;
  }

  static Model fineTuneModel() {
    Model base = new MobileNetV2().includeTop(false).weights((String) null).inputShape(224, 224, 3).pooling("avg").build();
    List<Layer> layers = base.layers();
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).trainable(i >= layers.size() - 54 && !(layers.get(i) instanceof BatchNormalization));
    }
    KerasTensor inputs = Input.of(224, 224, 3);
    Model m = new Model(inputs, new Dense(10).activation("softmax").apply(base.apply(inputs)));
    m.compile(new CompileOptions().optimizer(new Adam(1e-4)).loss("sparse_categorical_crossentropy"));
    return m;
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Map<String, Object> r = new LinkedHashMap<>();
    try (Model m = new MobileNetV2().weights((String) null).build()) {
      NDArray x1 = images(16, 224);
      NDArray x32 = images(64, 224);
      r.put("keras4j/w6_predict_b1", timed(runs, 16, () -> seconds(() -> m.predict(x1, 1))));
      r.put("keras4j/w6_predict_b32", timed(runs, 64, () -> seconds(() -> m.predict(x32, 32))));
    }
    try (Model ft = fineTuneModel()) {
      NDArray xt = images(128, 224);
      int[] yt = new int[128];
      for (int i = 0; i < yt.length; i++) {
        yt[i] = i % 10;
      }
      FitOptions o = new FitOptions().epochs(1).batchSize(32).verbose(0);
      r.put("keras4j/w6_finetune_steps", timed(runs, 4, () -> seconds(() -> ft.fit(xt, yt, o))));
    }
    new ObjectMapper().writeValue(new File(args[1]), r);
  }
}
