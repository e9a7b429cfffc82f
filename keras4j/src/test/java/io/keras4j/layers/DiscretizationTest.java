package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import org.junit.jupiter.api.Test;

class DiscretizationTest {
  static final NDArray X = NDArray.of(new float[] {-1.5f, 1.0f, 3.4f, .5f, 0.0f, 3.0f, 1.3f, 0.0f}, 2, 4);

  @Test
  void bucketsByBoundariesByHand() {
    // boundaries 0, 1, 2: x < 0 -> 0, 0 <= x < 1 -> 1, 1 <= x < 2 -> 2, x >= 2 -> 3
    NDArray out = PreprocessingEval.call(new Discretization().binBoundaries(0, 1, 2), X);
    assertEquals("int32", out.dtype());
    assertArrayEquals(new int[] {0, 2, 3, 1, 1, 3, 2, 1}, out.toIntArray());
    NDArray count = PreprocessingEval.call(new Discretization().binBoundaries(0, 1, 2).outputMode("count"), X);
    assertArrayEquals(new float[] {1, 1, 1, 1, 0, 2, 1, 1}, count.toFloatArray());
    assertEquals(Shape.of(-1, 4), new Discretization().binBoundaries(0, 1, 2).outputMode("one_hot")
        .apply(Input.of(1)).shape());
    assertEquals("int32", new Discretization().binBoundaries(0).apply(Input.of(3)).dtype());
  }

  @Test
  void adaptFindsKerasQuantiles() {
    // Keras' docstring: adapt on X with num_bins=4 gives boundaries [0.0, 0.5, 1.3]
    Discretization d = new Discretization().numBins(4).epsilon(0.01);
    d.adapt(new float[][] {{-1.5f, 1.0f, 3.4f, .5f}, {0.0f, 3.0f, 1.3f, 0.0f}});
    assertArrayEquals(new double[] {0.0, 0.5, 1.3f}, d.binBoundaries(), 0);
    // every adapt case of the golden file reproduces Keras' adapted boundaries exactly
    for (JsonNode c : Golden.read(Golden.files("layers").stream()
        .filter(p -> p.endsWith("Discretization.json")).findFirst().orElseThrow()).get("cases")) {
      if (c.has("adapt_data")) {
        JsonNode cfg = c.get("config");
        Discretization a = new Discretization().numBins(cfg.get("num_bins").asInt())
            .epsilon(cfg.get("epsilon").asDouble());
        a.adapt(Golden.array(c.get("adapt_data")));
        double[] expected = new double[cfg.get("bin_boundaries").size()];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = cfg.get("bin_boundaries").get(i).asDouble();
        }
        assertArrayEquals(expected, a.binBoundaries(), 0, c.get("name").asText());
      }
    }
  }

  @Test
  void errors() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Discretization().numBins(2).binBoundaries(1))
        .getMessage().contains("Both `num_bins` and `bin_boundaries` should not be set".substring(5)));
    assertThrows(IllegalArgumentException.class, () -> new Discretization().numBins(-1));
    assertThrows(IllegalArgumentException.class, () -> new Discretization().outputMode("tf_idf"));
    assertThrows(IllegalStateException.class, () -> new Discretization().binBoundaries(1).adapt(new float[] {1}));
    assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("Discretization", java.util.Map.of()));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PreprocessingEval.call(new Discretization().numBins(3), X));
    assertTrue(e.getMessage().contains("call `adapt(dataset)`"), e.getMessage());
  }
}
