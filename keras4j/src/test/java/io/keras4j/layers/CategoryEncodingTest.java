package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryEncodingTest {
  static final NDArray IDS = NDArray.of(new long[] {0, 1, 0, 0, 1, 2, 3, 1}, 4, 2);

  @Test
  void oneHotMultiHotAndCountByHand() {
    NDArray oneHot = PreprocessingEval.call(new CategoryEncoding(4).outputMode("one_hot"),
        NDArray.of(new long[] {3, 2, 0, 1}, 4));
    assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0}, oneHot.toFloatArray());
    NDArray multi = PreprocessingEval.call(new CategoryEncoding(4), IDS);
    assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1}, multi.toFloatArray());
    NDArray count = PreprocessingEval.call(new CategoryEncoding(4).outputMode("count"), IDS);
    assertArrayEquals(new float[] {1, 1, 0, 0, 2, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1}, count.toFloatArray());
    assertEquals("float32", count.dtype());
  }

  @Test
  void countWeightsAreASecondInput() {
    NDArray w = NDArray.of(new float[] {.1f, .2f, .1f, .1f, .2f, .3f, .4f, .2f}, 4, 2);
    NDArray out = PreprocessingEval.call(new CategoryEncoding(4).outputMode("count"), IDS, w);
    assertArrayEquals(new float[] {.1f, .2f, 0, 0, .2f, 0, 0, 0, 0, .2f, .3f, 0, 0, .2f, 0, .4f}, out.toFloatArray(),
        1e-6f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PreprocessingEval.call(new CategoryEncoding(4), IDS, w));
    assertTrue(e.getMessage().contains("`count_weights` is not used"), e.getMessage());
  }

  @Test
  void outputShapesAndErrors() {
    assertEquals(Shape.of(-1, 5), new CategoryEncoding(5).outputMode("one_hot").apply(Input.of(1)).shape());
    assertEquals(Shape.of(-1, 3, 5), new CategoryEncoding(5).outputMode("one_hot").apply(Input.of(3)).shape());
    assertEquals(Shape.of(-1, 5), new CategoryEncoding(5).apply(Input.of(3)).shape());
    assertEquals("multi_hot", new CategoryEncoding(2).outputMode("binary").getConfig().get("output_mode"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new CategoryEncoding(0)).getMessage()
        .contains("`num_tokens` must be >= 1. Received: num_tokens=0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new CategoryEncoding(2).outputMode("int"))
        .getMessage().contains("output_mode: int"));
    assertThrows(IllegalArgumentException.class, () -> new CategoryEncoding(2).sparse(true));
    assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("CategoryEncoding", java.util.Map.of()));
    assertEquals(List.of("name", "trainable", "dtype", "num_tokens", "output_mode"),
        List.copyOf(new CategoryEncoding(3).getConfig().keySet()));
  }
}
