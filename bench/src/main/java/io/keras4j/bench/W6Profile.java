package io.keras4j.bench;

import io.keras4j.applications.MobileNetV2;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ProfileTrace;
import io.keras4j.data.NDArray;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;

/**
 * Profiles W6 by TensorFlow kernel: one traced {@code predict} of 32 images and one traced fine-tuning fit of 4
 * steps of batch 32 (the models of {@link W6}), each after an untraced warm-up. The tables name the kernels that ran
 * after TensorFlow's graph optimiser (Grappler's remapper fuses, for example, Conv2D + BiasAdd + Relu6 into
 * {@code _FusedConv2D}).
 *
 * <p>Usage: {@code java ... io.keras4j.bench.W6Profile}.
 */
public final class W6Profile {
  private W6Profile() {}

  public static void main(String[] args) {
    try (Model m = new MobileNetV2().weights((String) null).build()) {
      NDArray x = W6.images(32, 224);
      m.predict(x, 32);
      ProfileTrace trace = Backend.engine().startProfile();
      long t = System.nanoTime();
      m.predict(x, 32);
      double ms = (System.nanoTime() - t) / 1e6;
      trace.stop();
      System.out.printf("## predict, batch 32: %.1f ms wall%n%n%s%n", ms, trace.table());
    }
    try (Model ft = W6.fineTuneModel()) {
      NDArray xt = W6.images(128, 224);
      int[] yt = new int[128];
      for (int i = 0; i < yt.length; i++) {
        yt[i] = i % 10;
      }
      FitOptions o = new FitOptions().epochs(1).batchSize(32).verbose(0);
      ft.fit(xt, yt, o);
      ProfileTrace trace = Backend.engine().startProfile();
      long t = System.nanoTime();
      ft.fit(xt, yt, o);
      double ms = (System.nanoTime() - t) / 1e6;
      trace.stop();
      System.out.printf("## fine-tune fit, 4 steps of batch 32: %.1f ms wall%n%n%s%n", ms, trace.table());
    }
  }
}
