package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import io.keras4j.backend.TracedFunction;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TimeDistributed: shapes, the wrapped layer's weights, values worked out by hand for a known or an unknown number
 * of steps, config and errors. Keras' numbers (masks, BatchNormalization per step) are in the golden files.
 */
class TimeDistributedTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new TimeDistributed(new Dense(3))).input(4, 5).output(-1, 4, 3).weights(2, 0).run();
  }

  @Test
  void buildsTheWrappedLayerWithoutTheTimeAxis() {
    Conv2D conv = new Conv2D(4, 3);
    TimeDistributed td = new TimeDistributed(conv);
    KerasTensor out = td.apply(Input.of(5, 8, 8, 2));
    assertEquals(Shape.of(-1, 5, 6, 6, 4), out.shape());
    assertEquals(List.of(Shape.of(-1, 8, 8, 2)), conv.buildShapes());
    assertEquals(conv.weights(), td.weights());
    assertSame(conv, td.layer());
  }

  @Test
  void appliesTheLayerToEachStepForKnownAndUnknownStepCounts() {
    // Dense(2) with kernel [[1, 2], [3, 4]] and bias [0.5, -1] on each step: y = x W + b
    float[] x = {1, 0, 0, 1, 2, 1, /* second sample */ -1, 1, 0, 0, 1, 2};
    float[] expected = {1.5f, 1, 3.5f, 3, 5.5f, 7, 2.5f, 1, 0.5f, -1, 7.5f, 9};
    for (int steps : new int[] {3, -1}) {
      TimeDistributed td = new TimeDistributed(new Dense(2));
      td.apply(Input.of(steps, 2));
      td.setWeights(List.of(NDArray.of(new float[][] {{1, 2}, {3, 4}}), NDArray.of(new float[] {0.5f, -1})));
      float[] y = eval(td, x, Shape.of(2, 3, 2), Shape.of(-1, steps, 2));
      assertArrayEquals(expected, y, 1e-6f, "steps " + steps);
    }
  }

  @Test
  void foldsAnUnknownNumberOfStepsIntoTheBatch() {
    TimeDistributed td = new TimeDistributed(new Dense(1).useBias(false));
    td.apply(Input.of(-1, 2));
    td.setWeights(List.of(NDArray.of(new float[][] {{1}, {10}})));
    float[] y = eval(td, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(1, 4, 2), Shape.of(-1, -1, 2));
    assertArrayEquals(new float[] {21, 43, 65, 87}, y, 1e-6f);
  }

  /** {@code layer} applied to {@code x} of {@code shape} fed to a placeholder of {@code declared} shape. */
  private static float[] eval(Layer layer, float[] x, Shape shape, Shape declared) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> List.of(layer.apply(Backend.ops().placeholder("float32", declared), false)));
      try (NativeArray in = Backend.array(x, shape)) {
        List<NativeArray> out = f.call(List.of(in));
        float[] y = out.get(0).toFloatArray();
        out.forEach(NativeArray::close);
        return y;
      }
    }
  }

  @Test
  void configNamesTheWrappedLayer() {
    TimeDistributed td = new TimeDistributed(new Dense(3).name("inner")).name("td");
    Map<String, Object> c = td.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "layer"), List.copyOf(c.keySet()));
    Map<?, ?> layer = (Map<?, ?>) c.get("layer");
    assertEquals("Dense", layer.get("class_name"));
    assertEquals("inner", ((Map<?, ?>) layer.get("config")).get("name"));
    TimeDistributed back = TimeDistributed.fromConfig(c);
    assertInstanceOf(Dense.class, back.layer());
    assertEquals(3, ((Dense) back.layer()).units());
    assertEquals("td", back.name());
    assertTrue(back.supportsMasking());
  }

  @Test
  void rejectsInputsOfFewerThanThreeDimensionsAndAMissingLayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TimeDistributed(new Dense(2)).apply(Input.of(4)));
    assertTrue(e.getMessage().contains("at least 3 dimensions"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TimeDistributed(null));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> TimeDistributed.fromConfig(Map.of("name", "td")));
    assertTrue(missing.getMessage().contains("`layer`"), missing.getMessage());
  }
}
