package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.GraphFixture;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.models.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CenterCrop: the central window by hand, Keras' floor of odd margins, smart resize of small images, config. */
class CenterCropTest {
  static float[] iota(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }

  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new CenterCrop(2, 3)).input(4, 5, 2).output(-1, 2, 3, 2).weights(0, 0).run();
    LayerHarness.of(() -> new CenterCrop(6, 4)).input(3, 3, 1).output(-1, 6, 4, 1).weights(0, 0).run();
  }

  @Test
  void cropsTheCentralWindowFlooringOddMargins() {
    // a 5x4 image of 0..19 row-major, cropped to 2x2: rows start at (5-2)//2 = 1, columns at (4-2)//2 = 1
    float[] y = GraphFixture.eval1(iota(20), Shape.of(1, 5, 4, 1), t -> new CenterCrop(2, 2).apply(t, false));
    assertArrayEquals(new float[] {5, 6, 9, 10}, y);
    // channels first: the same image as one channel
    float[] z = GraphFixture.eval1(iota(20), Shape.of(1, 1, 5, 4),
        t -> new CenterCrop(3, 2).dataFormat("channels_first").apply(t, false));
    assertArrayEquals(new float[] {5, 6, 9, 10, 13, 14}, z);
  }

  @Test
  void aSmallerImageIsCroppedToTheAspectRatioAndResized() {
    // a 2x2 image to 4x4: the aspect ratio is already 1, so it is a bilinear (half-pixel) upsampling
    float[] y = GraphFixture.eval1(new float[] {0, 4, 8, 12}, Shape.of(1, 2, 2, 1),
        t -> new CenterCrop(4, 4).apply(t, false));
    // columns at x = -0.25, 0.25, 0.75, 1.25, clamped: weights 0, .25, .75, 1 of the right pixel; rows likewise
    float[] row = {0, 1, 3, 4};
    float[] col = {0, 2, 6, 8};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(col[i] + row[j], y[i * 4 + j], 1e-5, "pixel " + i + "," + j);
      }
    }
  }

  @Test
  void imagesOfRunTimeSizeAreCroppedCentrally() {
    // the 5x4 image of 0..19: rows from 1, columns from 1, as above; a 4x6 one: rows from 1, columns from 2
    assertArrayEquals(new float[] {5, 6, 9, 10}, cropOfRunTimeSize(iota(20), 5, 4));
    assertArrayEquals(new float[] {8, 9, 14, 15}, cropOfRunTimeSize(iota(24), 4, 6));
  }

  private static float[] cropOfRunTimeSize(float[] image, int h, int w) {
    KerasTensor in = Input.of(-1, -1, 1);
    KerasTensor out = new CenterCrop(2, 2).apply(in);
    assertEquals(Shape.of(-1, 2, 2, 1), out.shape());
    try (Model m = new Model(in, out)) {
      return m.predict(new HostArray(image, Shape.of(1, h, w, 1))).toFloatArray();
    }
  }

  @Test
  void configAndErrors() {
    CenterCrop c = CenterCrop.fromConfig(Map.of("height", 3, "width", 5, "data_format", "channels_first"));
    assertEquals(3, c.getConfig().get("height"));
    assertEquals(5, c.getConfig().get("width"));
    assertEquals("channels_first", c.getConfig().get("data_format"));
    assertThrows(IllegalArgumentException.class, () -> new CenterCrop(0, 2));
    assertThrows(IllegalArgumentException.class, () -> new CenterCrop(2, 2).apply(Input.of(4, 4)));
  }
}
