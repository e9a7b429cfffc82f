package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import org.junit.jupiter.api.Test;

/** Keras' {@code l1=} and {@code l2=} as setters: they change the penalty and the config. */
class RegularizerSettersTest {
  private static final float[] W = {1, -2};

  private static double penalty(Regularizer r) {
    return GraphFixture.eval1(W, Shape.of(2), r::call)[0];
  }

  @Test
  void factorsSetThePenalty() {
    assertEquals(0.1 * 3 + 0.2 * 5, penalty(new L1L2().l1(0.1).l2(0.2)), 1e-6);
    assertEquals(0.0, penalty(new L1L2()), 1e-9, "Keras' defaults l1=0.0, l2=0.0");
    assertEquals(0.5 * 3, penalty(new L1(0.01).l1(0.5)), 1e-6);
    assertEquals(0.5 * 5, penalty(new L2(0.01).l2(0.5)), 1e-6);
    assertEquals(0.5, new L2(0.01).l2(0.5).getConfig().get("l2"));
    assertThrows(IllegalArgumentException.class, () -> new L1L2().l1(-1));
  }
}
