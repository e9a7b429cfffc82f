package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.Shape;
import org.junit.jupiter.api.Test;

/** Keras' keyword arguments as setters: each one changes what the initializer draws and what its config says. */
class InitializerSettersTest {
  @Test
  void seedMakesDrawsRepeatable() {
    float[] a = new GlorotUniform().seed(7).call(Shape.of(20, 10));
    float[] b = new GlorotUniform().seed(7).call(Shape.of(20, 10));
    assertArrayEquals(a, b);
    assertNotEquals(a[0], new GlorotUniform().seed(8).call(Shape.of(20, 10))[0]);
    assertEquals(7L, new HeNormal().seed(7).getConfig().get("seed"));
  }

  @Test
  void uniformBoundsAndConstantValueAreWhatIsDrawn() {
    float[] u = new RandomUniform().minval(2).maxval(3).seed(1).call(Shape.of(1000));
    for (float v : u) {
      assertEquals(2.5, v, 0.5 + 1e-6);
    }
    assertArrayEquals(new float[] {1.5f, 1.5f}, new Constant().value(1.5).call(Shape.of(2)));
    assertArrayEquals(new float[] {0f, 0f}, new Constant().call(Shape.of(2)), "Keras' default value=0.0");
    // Identity with gain 3: 3 on the diagonal
    assertArrayEquals(new float[] {3, 0, 0, 3}, new Identity().gain(3).call(Shape.of(2, 2)));
  }

  @Test
  void normalMeanMovesTheDraws() {
    float[] n = new RandomNormal().mean(10).stddev(0.01).seed(3).call(Shape.of(500));
    double sum = 0;
    for (float v : n) {
      sum += v;
    }
    assertEquals(10.0, sum / n.length, 0.01);
    assertEquals(10.0, new TruncatedNormal().mean(10).getConfig().get("mean"));
  }

  @Test
  void varianceScalingSettersAreValidatedAndWritten() {
    VarianceScaling v = new VarianceScaling().scale(2).mode("fan_avg").distribution("uniform");
    assertEquals(2.0, v.getConfig().get("scale"));
    assertEquals("fan_avg", v.getConfig().get("mode"));
    assertEquals("uniform", v.getConfig().get("distribution"));
    // uniform with scale 2 over fan_avg = (4 + 6) / 2 = 5: the limit is sqrt(3 * 2 / 5)
    double limit = Math.sqrt(3 * 2.0 / 5);
    for (float x : v.seed(2).call(Shape.of(4, 6))) {
      assertEquals(0, x, limit + 1e-6);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling().mode("fan_middle"));
    assertEquals("Invalid `mode` argument: expected one of {fan_in, fan_out, fan_avg}. Received: mode=fan_middle",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new VarianceScaling().scale(0));
  }
}
