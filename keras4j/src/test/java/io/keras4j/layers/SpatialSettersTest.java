package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.models.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras' pool_size=, cropping=, padding= and size= as setters, equal to the constructor arguments. */
class SpatialSettersTest {
  private static float[] run(Layer layer, float[] x, int... shape) {
    KerasTensor in = Input.of(shape);
    try (Model m = new Model(in, layer.apply(in))) {
      long[] batch = new long[shape.length + 1];
      batch[0] = 1;
      for (int i = 0; i < shape.length; i++) {
        batch[i + 1] = shape[i];
      }
      return m.predict(io.keras4j.data.NDArray.of(x, batch)).toFloatArray();
    }
  }

  @Test
  void poolSizeSetsTheWindowAndTheDefaultStrides() {
    float[] x = {1, 5, 2, 3, 9, 4};
    assertArrayEquals(new float[] {5, 9}, run(new MaxPooling1D().poolSize(3), x, 6, 1));
    assertArrayEquals(new float[] {5, 5, 9, 9}, run(new MaxPooling1D().strides(1).poolSize(3), x, 6, 1),
        "explicit strides are kept");
    assertEquals(List.of(3), new MaxPooling1D().poolSize(3).getConfig().get("pool_size"));
  }

  @Test
  void croppingPaddingAndSize() {
    float[] x = {1, 2, 3, 4};
    assertArrayEquals(new float[] {2}, run(new Cropping1D().cropping(1, 2), x, 4, 1));
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 0, 0}, run(new ZeroPadding1D().padding(1, 2), x, 4, 1));
    assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, run(new UpSampling1D().size(3), x, 4, 1));
    assertEquals(Shape.of(-1, 4, 6, 1), new ZeroPadding2D().padding(new int[][] {{1, 1}, {2, 2}})
        .apply(Input.of(2, 2, 1)).shape());
    assertThrows(IllegalArgumentException.class, () -> new Cropping2D().cropping(new int[][] {{1, 1}}));
  }
}
