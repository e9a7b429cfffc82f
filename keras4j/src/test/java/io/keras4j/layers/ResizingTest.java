package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resizing: each interpolation by hand on small images, aspect-ratio crop and pad, channels first, config, errors. */
class ResizingTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new Resizing(3, 2)).input(5, 4, 2).output(-1, 3, 2, 2).weights(0, 0).run();
    LayerHarness.of(() -> new Resizing(4, 4).interpolation("bicubic")).input(3, 3, 1).output(-1, 4, 4, 1)
        .weights(0, 0).run();
    LayerHarness.of(() -> new Resizing(2, 2).interpolation("nearest")).input(4, 4, 1).output(-1, 2, 2, 1)
        .weights(0, 0).noGradient().run();
  }

  @Test
  void nearestAreaAndBilinearByHand() {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8}; // one row of 8
    Shape s = Shape.of(1, 1, 8, 1);
    // area 8 -> 4: means of pairs; nearest (half-pixel) 8 -> 4 takes pixels 1, 3, 5, 7 (centres 2i + 1)
    assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f},
        GraphFixture.eval1(x, s, t -> new Resizing(1, 4).interpolation("area").apply(t, false)), 1e-6f);
    assertArrayEquals(new float[] {2, 4, 6, 8},
        GraphFixture.eval1(x, s, t -> new Resizing(1, 4).interpolation("nearest").apply(t, false)));
    // bilinear 8 -> 4 samples at 2i + 0.5: the average of pixels 2i and 2i + 1
    assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f},
        GraphFixture.eval1(x, s, t -> new Resizing(1, 4).apply(t, false)), 1e-6f);
  }

  @Test
  void everyInterpolationKeepsAConstantImage() {
    float[] x = new float[5 * 7];
    java.util.Arrays.fill(x, 2.5f);
    for (String m : Resizing.INTERPOLATIONS) {
      float[] y = GraphFixture.eval1(x, Shape.of(1, 5, 7, 1), t -> new Resizing(3, 9).interpolation(m).apply(t, false));
      assertEquals(27, y.length);
      for (float v : y) {
        assertEquals(2.5f, v, 1e-5f, m);
      }
    }
  }

  @Test
  void cropAndPadToTheAspectRatio() {
    float[] x = new float[4 * 2]; // a 4x2 image of 0..7
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    Shape s = Shape.of(1, 4, 2, 1);
    // to 2x2 cropping: the central 2x2 box (rows 1-2), then a 2x2 resize that keeps it
    assertArrayEquals(new float[] {2, 3, 4, 5},
        GraphFixture.eval1(x, s, t -> new Resizing(2, 2).cropToAspectRatio(true).apply(t, false)), 1e-6f);
    // to 4x4 padding: one column of fill_value 9 on each side makes 4x4, which stays
    float[] padded = GraphFixture.eval1(x, s,
        t -> new Resizing(4, 4).padToAspectRatio(true).fillValue(9).apply(t, false));
    assertArrayEquals(new float[] {9, 0, 1, 9, 9, 2, 3, 9, 9, 4, 5, 9, 9, 6, 7, 9}, padded, 1e-6f);
  }

  @Test
  void channelsFirstResizesTheTrailingAxes() {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8}; // 2 channels of 1x4
    float[] y = GraphFixture.eval1(x, Shape.of(1, 2, 1, 4),
        t -> new Resizing(1, 2).interpolation("area").dataFormat("channels_first").apply(t, false));
    assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f}, y, 1e-6f);
  }

  @Test
  void configAndErrors() {
    Resizing r = Resizing.fromConfig(Map.of("height", 3, "width", 4, "interpolation", "lanczos5",
        "pad_to_aspect_ratio", true, "fill_value", 1.5, "antialias", true));
    Map<String, Object> c = r.getConfig();
    assertEquals("lanczos5", c.get("interpolation"));
    assertEquals(true, c.get("pad_to_aspect_ratio"));
    assertEquals(1.5, c.get("fill_value"));
    assertEquals(true, c.get("antialias"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Resizing(2, 2).interpolation("cubic"));
    assertTrue(e.getMessage().contains("Received: interpolation=cubic"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Resizing(2, 2).cropToAspectRatio(true).padToAspectRatio(true));
    assertTrue(e.getMessage().contains("Only one of"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Resizing(2, 2).fillMode("reflect"));
    assertTrue(e.getMessage().contains("Only `'constant'` is supported"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Resizing(2, -1));
  }
}
