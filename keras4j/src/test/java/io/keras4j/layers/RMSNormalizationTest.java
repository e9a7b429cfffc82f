package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RMSNormalization: x / sqrt(mean(x^2) + eps) * scale, by hand; the scale weight; Keras' axis config. */
class RMSNormalizationTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(RMSNormalization::new).input(4).output(-1, 4).weights(1, 0).run();
    LayerHarness.of(() -> new RMSNormalization().axis(1, 2)).input(2, 3).output(-1, 2, 3).weights(1, 0).run();
  }

  @Test
  void normalisesByTheRootMeanSquare() {
    RMSNormalization l = new RMSNormalization().epsilon(0);
    l.apply(Input.of(2));
    l.setWeights(List.of(NDArray.of(new float[] {2, 0.5f})));
    // rows (3, 4): mean square 12.5; (1, 1): 1
    float[] y = GraphFixture.eval1(new float[] {3, 4, 1, 1}, Shape.of(2, 2), t -> l.apply(t, false));
    double r = Math.sqrt(12.5);
    assertArrayEquals(new float[] {(float) (3 / r * 2), (float) (4 / r * 0.5), 2f, 0.5f}, y, 1e-6f);
  }

  @Test
  void epsilonIsAddedToTheMeanSquare() {
    float[] y = GraphFixture.eval1(new float[] {0.03f, 0.04f}, Shape.of(1, 2),
        t -> new RMSNormalization().epsilon(1e-3).apply(t, false));
    double r = Math.sqrt((0.0009 + 0.0016) / 2 + 1e-3);
    assertArrayEquals(new float[] {(float) (0.03 / r), (float) (0.04 / r)}, y, 1e-6f);
  }

  @Test
  void scaleHasTheSizesOfTheNormalisedAxesAndAxisBecomesAListAsInKeras() {
    RMSNormalization l = new RMSNormalization().axis(2, 1);
    l.apply(Input.of(3, 4));
    assertEquals(Shape.of(3, 4), l.weights().get(0).shape());
    assertEquals("scale", l.weights().get(0).name());
    assertEquals(List.of(1, 2), l.getConfig().get("axis"));
    RMSNormalization plain = new RMSNormalization();
    assertEquals(-1, plain.getConfig().get("axis"));
    plain.apply(Input.of(3));
    assertEquals(List.of(-1), plain.getConfig().get("axis"));
    assertEquals(List.of(-1), RMSNormalization.fromConfig(Map.of("axis", List.of(-1))).getConfig().get("axis"));
  }

  @Test
  void anAxisOutOfRangeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RMSNormalization().axis(3).apply(Input.of(4)));
    assertTrue(e.getMessage().contains("Axis 3 is out of bounds"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RMSNormalization().epsilon(-1));
  }
}
