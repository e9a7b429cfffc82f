package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import org.junit.jupiter.api.Test;

/** SpatialDropout3D drops whole channels of 5D inputs in training, scaling the rest by 1/(1-rate). */
class SpatialDropout3DTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new SpatialDropout3D(0.3).seed(2)).input(2, 2, 2, 3).output(-1, 2, 2, 2, 3)
        .weights(0, 0).run();
  }

  @Test
  void eachChannelIsDroppedOrKeptWhole() {
    int channels = 40;
    float[] x = new float[8 * channels];
    java.util.Arrays.fill(x, 1f);
    for (String format : new String[] {"channels_last", "channels_first"}) {
      Shape shape = format.equals("channels_last") ? Shape.of(1, 2, 2, 2, channels) : Shape.of(1, channels, 2, 2, 2);
      float[] y = GraphFixture.eval1(x, shape, t -> new SpatialDropout3D(0.5).dataFormat(format).seed(4).apply(t, true));
      int dropped = 0;
      for (int c = 0; c < channels; c++) {
        float first = format.equals("channels_last") ? y[c] : y[c * 8];
        assertTrue(first == 0f || first == 2f, format + ": kept units are scaled by 1 / (1 - 0.5)");
        for (int s = 0; s < 8; s++) {
          float v = format.equals("channels_last") ? y[s * channels + c] : y[c * 8 + s];
          assertEquals(first, v, 0f, format + ": channel " + c + " is one mask value");
        }
        dropped += first == 0f ? 1 : 0;
      }
      assertTrue(dropped > 5 && dropped < 35, format + ": about half the channels dropped: " + dropped);
    }
  }

  @Test
  void inferenceIsTheIdentityAndRankIsChecked() {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    assertArrayEquals(x, GraphFixture.eval1(x, Shape.of(1, 2, 2, 2, 1), t -> new SpatialDropout3D(0.5).apply(t, false)));
    assertThrows(IllegalArgumentException.class, () -> new SpatialDropout3D(0.5).apply(Input.of(2, 2, 2)));
    assertThrows(IllegalArgumentException.class, () -> new SpatialDropout3D(0.5).dataFormat("channels_middle"));
  }
}
