package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AlphaDropout: identity at inference; in training each unit is a*x+b (kept) or a*alpha'+b (dropped), by hand. */
class AlphaDropoutTest {
  // SELU's constants, and the affine correction for rate 0.5 worked out here
  static final double ALPHA_P = -1.6732632423543772 * 1.0507009873554805;
  static final double RATE = 0.5;
  static final double A = Math.pow((1 - RATE) * (1 + RATE * ALPHA_P * ALPHA_P), -0.5);
  static final double B = -A * ALPHA_P * RATE;

  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new AlphaDropout(0.3).seed(1)).input(5).output(-1, 5).weights(0, 0).run();
  }

  @Test
  void inferenceIsTheIdentity() {
    float[] x = {1, 2, 3, 4};
    assertArrayEquals(x, GraphFixture.eval1(x, Shape.of(1, 4), t -> new AlphaDropout(0.5).apply(t, false)));
  }

  @Test
  void trainingKeepsOrSaturatesEachUnitThenRescales() {
    float[] x = new float[200];
    for (int i = 0; i < x.length; i++) {
      x[i] = i / 50f - 2;
    }
    float[] y = GraphFixture.eval1(x, Shape.of(2, 100), t -> new AlphaDropout(RATE).seed(3).apply(t, true));
    float dropped = (float) (A * ALPHA_P + B);
    int drops = 0;
    for (int i = 0; i < x.length; i++) {
      float kept = (float) (A * x[i] + B);
      boolean isKept = Math.abs(y[i] - kept) < 1e-5;
      boolean isDropped = Math.abs(y[i] - dropped) < 1e-5;
      assertTrue(isKept || isDropped, "unit " + i + ": " + y[i] + " is neither " + kept + " nor " + dropped);
      drops += isKept ? 0 : 1;
    }
    assertTrue(drops > 60 && drops < 140, "about half dropped: " + drops);
  }

  @Test
  void noiseShapeSharesTheMaskAlongItsOneAxes() {
    float[] x = new float[2 * 30 * 3];
    java.util.Arrays.fill(x, 1f);
    float[] y = GraphFixture.eval1(x, Shape.of(2, 30, 3),
        t -> new AlphaDropout(RATE).noiseShape(-1, 1, 3).seed(5).apply(t, true));
    for (int b = 0; b < 2; b++) {
      for (int s = 1; s < 30; s++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(y[b * 90 + c], y[b * 90 + s * 3 + c], 0f, "the mask is shared along axis 1");
        }
      }
    }
  }

  @Test
  void configKeysAndRateCheck() {
    AlphaDropout d = AlphaDropout.fromConfig(Map.of("rate", 0.2, "seed", 7, "noise_shape", java.util.Arrays.asList(
        null, 1, 4)));
    assertArrayEquals(new int[] {-1, 1, 4}, d.noiseShapeFor(null));
    assertEquals(java.util.Arrays.asList(null, 1, 4), d.getConfig().get("noise_shape"));
    assertEquals(7L, d.getConfig().get("seed"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new AlphaDropout(1.5));
    assertTrue(e.getMessage().contains("Received: rate=1.5"), e.getMessage());
  }
}
