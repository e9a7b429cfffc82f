package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CustomScaleLayer (InceptionResNetV2's residual sum): x + scale * r. */
class CustomScaleLayerTest {

  @Test
  void addsTheScaledSecondInputToTheFirst() {
    KerasTensor a = Input.of(3);
    KerasTensor b = Input.of(3);
    KerasTensor out = new CustomScaleLayer(0.17).apply(List.of(a, b)).get(0);
    try (Model model = new Model(List.of(a, b), List.of(out))) {
      float[] x = {1, -2, 3};
      float[] r = {10, 20, -30};
      float[] got = model.predict(List.of(NDArray.of(x, 1, 3), NDArray.of(r, 1, 3))).toFloatArray();
      // 1 + 0.17 * 10, -2 + 0.17 * 20, 3 - 0.17 * 30
      assertArrayEquals(new float[] {2.7f, 1.4f, -2.1f}, got, 1e-6f);
    }
  }

  @Test
  void configHasKerasKeysAndModule() {
    CustomScaleLayer layer = new CustomScaleLayer(0.2).name("block8_1");
    Map<String, Object> c = layer.getConfig();
    assertEquals(0.2, ((Number) c.get("scale")).doubleValue(), 0);
    assertEquals("keras.src.applications.inception_resnet_v2", layer.kerasModule());
    assertEquals(c, CustomScaleLayer.fromConfig(c).getConfig());
    assertEquals(c, Layers.fromConfig("CustomScaleLayer", c).getConfig()); // registered, as Keras' files need
  }

  @Test
  void refusesOtherThanTwoInputs() {
    KerasTensor a = Input.of(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CustomScaleLayer(1.0).name("s").apply(List.of(a, a, a)));
    assertTrue(e.getMessage().contains("exactly 2 inputs"), e.getMessage());
  }
}
