package io.keras4j.adversarial.defences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import org.junit.jupiter.api.Test;

class FeatureSqueezingTest {
  @Test
  void reducesBitDepthToHandComputedLevels() {
    NDArray x = NDArray.of(new float[] {0f, 0.2f, 0.5f, 0.7f, 1f, 0.9f}, 2, 3);
    // 1 bit: levels 0 and 1; rint(0.5) = 0 (halves round to even)
    assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1}, new FeatureSqueezing(0, 1).bitDepth(1).apply(x, null).x()
        .toFloatArray(), 1e-7f);
    // 2 bits: levels 0, 1/3, 2/3, 1: 0.2*3=0.6 -> 1/3; 0.5*3=1.5 -> 2/3; 0.7*3=2.1 -> 2/3; 0.9*3=2.7 -> 1
    assertArrayEquals(new float[] {0, 1f / 3, 2f / 3, 2f / 3, 1, 1}, new FeatureSqueezing(0, 1).bitDepth(2)
        .apply(x, null).x().toFloatArray(), 1e-6f);
    // range [0, 255] with 3 bits: levels every 255/7; 100/255*7 = 2.745 -> 3 -> 109.2857
    assertArrayEquals(new float[] {255f * 3 / 7}, new FeatureSqueezing(0, 255).bitDepth(3)
        .apply(NDArray.of(new float[] {100}, 1, 1), null).x().toFloatArray(), 1e-4f);
  }

  @Test
  void refusesBadArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new FeatureSqueezing(0, 1).bitDepth(0));
    assertTrue(e.getMessage().contains("bit_depth=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new FeatureSqueezing(1, 1));
    assertTrue(e.getMessage().contains("clip_values=(1.0, 1.0)"), e.getMessage());
  }
}
