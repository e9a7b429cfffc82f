package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.models.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LayerScale (ConvNeXt's per-channel scale): the output is the input times gamma, which starts at init_values. */
class LayerScaleTest {

  @Test
  void multipliesEachChannelByGamma() {
    var in = Input.of(2, 3);
    LayerScale scale = new LayerScale(0.5, 3);
    try (Model model = new Model(in, scale.apply(in))) {
      float[][][] x = {{{1, 2, 3}, {-4, 5, 6}}};
      float[] flat = model.predict(x).toFloatArray();
      float[] expected = {0.5f, 1f, 1.5f, -2f, 2.5f, 3f};
      assertArrayEquals(expected, flat, 1e-7f);
      scale.setWeights(java.util.List.of(new float[] {1, -1, 2}));
      float[] after = model.predict(x).toFloatArray();
      assertArrayEquals(new float[] {1, -2, 6, -4, -5, 12}, after, 1e-7f);
    }
  }

  @Test
  void configHasKerasKeys() {
    Map<String, Object> c = new LayerScale(1e-6, 8).getConfig();
    assertEquals(1e-6, ((Number) c.get("init_values")).doubleValue(), 0);
    assertEquals(8, ((Number) c.get("projection_dim")).intValue());
    LayerScale back = LayerScale.fromConfig(c);
    assertEquals(c, back.getConfig());
  }
}
