package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {
  @Test
  void appliesTheLayersInOrder() {
    // x * 0.5 + 1, then bins at 0, 1, 2: [-1.5, 1, 3.4] -> [0.25, 1.5, 2.7] -> [1, 2, 3]
    Pipeline p = new Pipeline(new Rescaling(0.5, 1.0), new Discretization().binBoundaries(0, 1, 2));
    NDArray out = PreprocessingEval.call(p, NDArray.of(new float[] {-1.5f, 1.0f, 3.4f}, 1, 3));
    assertEquals("int32", out.dtype());
    assertArrayEquals(new int[] {1, 2, 3}, out.toIntArray());
    assertEquals("int32", p.apply(Input.of(3)).dtype());
    assertEquals(Shape.of(-1, 3), new Pipeline(new Rescaling(2), new Dense(3)).apply(Input.of(5)).shape());
  }

  @Test
  void weightsAndConfig() {
    Pipeline p = new Pipeline(new Rescaling(2), new Dense(3));
    p.apply(Input.of(5));
    assertEquals(2, p.weights().size());
    Map<String, Object> c = p.getConfig();
    assertEquals(List.of("layers", "name"), List.copyOf(c.keySet()));
    Pipeline back = Pipeline.fromConfig(c);
    assertEquals(List.of(Rescaling.class, Dense.class), back.layers().stream().map(Object::getClass).toList());
    assertThrows(IllegalArgumentException.class, () -> Pipeline.fromConfig(Map.of("name", "p")));
  }
}
