package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity returns its inputs, one or several, in training and inference. */
class IdentityTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(Identity::new).input(2, 3).output(-1, 2, 3).weights(0, 0).run();
  }

  @Test
  void returnsItsInput() {
    float[] x = {1, -2, 3.5f, 0};
    assertArrayEquals(x, GraphFixture.eval1(x, Shape.of(2, 2), t -> new Identity().apply(t, true)));
    assertArrayEquals(x, GraphFixture.eval1(x, Shape.of(2, 2), t -> new Identity().apply(t, false)));
  }

  @Test
  void severalInputsComeBackInOrder() {
    KerasTensor a = Input.of(2);
    KerasTensor b = Input.of(3, 1);
    List<KerasTensor> out = new Identity().apply(List.of(a, b));
    assertEquals(Shape.of(-1, 2), out.get(0).shape());
    assertEquals(Shape.of(-1, 3, 1), out.get(1).shape());
  }
}
