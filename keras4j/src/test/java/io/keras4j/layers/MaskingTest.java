package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masking zeroes and masks the steps whose features all equal mask_value. */
class MaskingTest {
  /** Output and 0/1 mask of {@code layer} on {@code x} of shape (2, 3, 2). */
  private static List<float[]> outputAndMask(Masking layer, float[] x) {
    return GraphFixture.eval(List.of(x), List.of(Shape.of(2, 3, 2)), in -> {
      Tensor y = layer.applyAll(in, false).get(0);
      return List.of(y, Backend.ops().cast(Backend.getKerasMask(y), "float32"));
    });
  }

  @Test
  void masksStepsWhoseFeaturesAllEqualTheMaskValue() {
    float[] x = {1, 2, 0, 0, 0, 3, /* sample 2 */ 0, 0, 4, 0, 0, 0};
    List<float[]> r = outputAndMask(new Masking(), x);
    assertArrayEquals(x, r.get(0), "masked steps are already 0");
    assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0}, r.get(1));
  }

  @Test
  void maskedStepsAreSetToZeroForAnotherMaskValue() {
    float[] x = {-1, -1, -1, 2, 5, 6, /* sample 2 */ 7, -1, -1, -1, -1, -1};
    List<float[]> r = outputAndMask(new Masking().maskValue(-1), x);
    assertArrayEquals(new float[] {0, 0, -1, 2, 5, 6, 7, -1, 0, 0, 0, 0}, r.get(0));
    assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0}, r.get(1));
  }

  @Test
  void supportsMaskingAndKeepsTheShape() {
    Masking m = new Masking();
    assertTrue(m.supportsMasking());
    assertEquals(Shape.of(-1, 5, 3), m.apply(Input.of(5, 3)).shape());
  }

  @Test
  void configRoundTrips() {
    Masking m = new Masking().maskValue(-2.5).name("m");
    Map<String, Object> c = m.getConfig();
    assertEquals(-2.5, c.get("mask_value"));
    assertEquals(c, Layers.fromConfig("Masking", c).getConfig());
    assertEquals(0.0, ((Masking) Layers.fromConfig("Masking", Map.of("name", "x"))).maskValue());
  }
}
