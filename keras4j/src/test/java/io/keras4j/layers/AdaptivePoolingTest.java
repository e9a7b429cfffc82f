package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The six adaptive pooling layers: Keras' bins worked out by hand, shapes, the harness, config and errors. */
class AdaptivePoolingTest {
  @Test
  void everyLayerPassesTheHarness() {
    LayerHarness.of(() -> new AdaptiveAveragePooling1D(3)).input(7, 2).output(-1, 3, 2).weights(0, 0).run();
    LayerHarness.of(() -> new AdaptiveAveragePooling2D(2, 3)).input(5, 4, 1).output(-1, 2, 3, 1).weights(0, 0).run();
    LayerHarness.of(() -> new AdaptiveAveragePooling3D(2)).input(3, 3, 2, 1).output(-1, 2, 2, 2, 1).weights(0, 0)
        .run();
    // max pooling: random inputs have no ties, so the gradient is defined
    LayerHarness.of(() -> new AdaptiveMaxPooling1D(2)).input(5, 2).output(-1, 2, 2).weights(0, 0).run();
    LayerHarness.of(() -> new AdaptiveMaxPooling2D(2).dataFormat("channels_first")).input(1, 3, 5)
        .output(-1, 1, 2, 2).weights(0, 0).run();
    LayerHarness.of(() -> new AdaptiveMaxPooling3D(1, 2, 1)).input(2, 3, 2, 1).output(-1, 1, 2, 1, 1).weights(0, 0)
        .run();
  }

  @Test
  void binsAreKerasOverlappingWindows() {
    // n=7, m=3: [0,3) [2,5) [4,7); n=5, m=3: [0,2) [1,4) [3,5); n=2, m=3: [0,1) [0,2) [1,2)
    assertArrayEquals(new int[][] {{0, 3}, {2, 3}, {4, 3}}, BaseAdaptivePooling.bins(7, 3));
    assertArrayEquals(new int[][] {{0, 2}, {1, 3}, {3, 2}}, BaseAdaptivePooling.bins(5, 3));
    assertArrayEquals(new int[][] {{0, 1}, {0, 2}, {1, 1}}, BaseAdaptivePooling.bins(2, 3));
    assertArrayEquals(new int[][] {{0, 3}, {2, 3}, {5, 3}, {7, 3}}, BaseAdaptivePooling.bins(10, 4));
  }

  @Test
  void averagesAndMaximaOfEachBin() {
    float[] x = {1, 2, 3, 4, 5};
    Shape s = Shape.of(1, 5, 1);
    assertArrayEquals(new float[] {1.5f, 3, 4.5f},
        GraphFixture.eval1(x, s, t -> new AdaptiveAveragePooling1D(3).apply(t, false)), 1e-6f);
    assertArrayEquals(new float[] {2, 4, 5}, GraphFixture.eval1(x, s, t -> new AdaptiveMaxPooling1D(3).apply(t, false)));
    // a 3x3 image to 2x2: rows [0,2) and [1,3), the same for columns
    float[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertArrayEquals(new float[] {3, 4, 6, 7},
        GraphFixture.eval1(img, Shape.of(1, 3, 3, 1), t -> new AdaptiveAveragePooling2D(2).apply(t, false)), 1e-6f);
    assertArrayEquals(new float[] {5, 6, 8, 9},
        GraphFixture.eval1(img, Shape.of(1, 3, 3, 1), t -> new AdaptiveMaxPooling2D(2).apply(t, false)));
  }

  @Test
  void channelsFirstPoolsTheTrailingAxes() {
    // two channels of length 4, channels first, pooled to 2: means of (1,2), (3,4) and (10,20), (30,40)
    float[] x = {1, 2, 3, 4, 10, 20, 30, 40};
    assertArrayEquals(new float[] {1.5f, 3.5f, 15, 35}, GraphFixture.eval1(x, Shape.of(1, 2, 4),
        t -> new AdaptiveAveragePooling1D(2).dataFormat("channels_first").apply(t, false)), 1e-6f);
  }

  @Test
  void configAndErrors() {
    AdaptiveMaxPooling2D p = AdaptiveMaxPooling2D.fromConfig(Map.of("output_size", List.of(3, 4),
        "data_format", "channels_first"));
    assertEquals(List.of(3, 4), p.getConfig().get("output_size"));
    assertEquals("channels_first", p.getConfig().get("data_format"));
    assertEquals(List.of(2, 2, 2), new AdaptiveAveragePooling3D(2).getConfig().get("output_size"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdaptiveMaxPooling2D(1, 2, 3));
    assertTrue(e.getMessage().contains("(height, width) tuple"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveAveragePooling1D(0));
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveAveragePooling1D(2).dataFormat("nwc"));
    e = assertThrows(IllegalArgumentException.class, () -> new AdaptiveAveragePooling1D(2).apply(Input.of(-1, 3)));
    assertTrue(e.getMessage().contains("statically known"), e.getMessage());
  }
}
