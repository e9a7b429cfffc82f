package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rescaling with Keras' list {@code scale}: one factor per channel (EfficientNet's ImageNet input scaling). */
class RescalingChannelsTest {
  @Test
  void scalesEachChannelByItsFactorThenAddsTheOffset() {
    float[] x = {1, 2, 3, 4, 5, 6}; // two pixels of three channels
    float[] want = {1 * 2f + 1, 2 * 0.5f + 1, 3 * -1f + 1, 4 * 2f + 1, 5 * 0.5f + 1, 6 * -1f + 1};
    float[] got = GraphFixture.eval1(x, Shape.of(2, 3),
        t -> new Rescaling(new double[] {2, 0.5, -1}).offset(1).apply(t, false));
    assertArrayEquals(want, got, 1e-6f);
  }

  @Test
  void theListScaleSurvivesItsConfig() {
    Map<String, Object> config = new Rescaling(new double[] {2, 0.5, -1}).getConfig();
    assertEquals(List.of(2.0, 0.5, -1.0), config.get("scale"));
    assertEquals(config.get("scale"), Rescaling.fromConfig(config).getConfig().get("scale"));
  }
}
