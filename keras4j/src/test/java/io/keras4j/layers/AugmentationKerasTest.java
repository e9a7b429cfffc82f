package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.backend.Shape;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The augmentations with a one-point range (so the draw is fixed) give Keras 3.15.1's images.
 *
 * <p>Expected images from Keras 3.15.1 (numpy backend) on {@code x = arange(1, 17).reshape(1, 4, 4, 1)} with
 * {@code fill_mode="constant", interpolation="nearest"}, for example
 * {@code RandomTranslation((0.25, 0.25), (0, 0), ...)(x, training=True)}.
 */
class AugmentationKerasTest {
  static final Shape S = Shape.of(1, 4, 4, 1);

  static Arguments of(String name, Supplier<RandomAffine<?>> layer, float... expected) {
    return Arguments.of(name, layer, expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        of("translate down a quarter", () -> new RandomTranslation(0.25, 0.25, 0, 0),
            0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        of("translate right a half", () -> new RandomTranslation(0, 0, 0.5, 0.5),
            0, 0, 1, 2, 0, 0, 5, 6, 0, 0, 9, 10, 0, 0, 13, 14),
        of("zoom out 2x", () -> new RandomZoom(1, 1),
            0, 0, 0, 0, 0, 6, 8, 0, 0, 14, 16, 0, 0, 0, 0, 0),
        of("zoom in 2x", () -> new RandomZoom(-0.5, -0.5),
            6, 6, 7, 7, 6, 6, 7, 7, 10, 10, 11, 11, 10, 10, 11, 11),
        of("rotate a quarter turn", () -> new RandomRotation(0.25, 0.25),
            4, 8, 12, 16, 3, 7, 11, 15, 2, 6, 10, 14, 1, 5, 9, 13));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void movesPixelsAsKeras(String name, Supplier<RandomAffine<?>> factory, float[] expected) {
    float[] x = new float[16];
    for (int i = 0; i < 16; i++) {
      x[i] = i + 1;
    }
    RandomAffine<?> layer = factory.get().fillMode("constant").interpolation("nearest");
    assertArrayEquals(expected, AugmentationTest.train(layer, x, S), 1e-4f, name);
  }

  @Test
  void brightnessShiftsByAFractionOfTheValueRange() {
    // Keras: RandomBrightness((0.1, 0.1))(x) adds 0.1 * 255 and clips to [0, 255];
    // RandomBrightness((-0.2, -0.2), value_range=(0, 1))(x / 255) subtracts 0.2 and clips to [0, 1]
    Shape s = Shape.of(1, 2, 2, 1);
    assertArrayEquals(new float[] {25.5f, 125.5f, 225.5f, 255},
        AugmentationTest.train(new RandomBrightness(0.1, 0.1), new float[] {0, 100, 200, 250}, s), 1e-4f);
    float[] y = AugmentationTest.train(new RandomBrightness(-0.2, -0.2).valueRange(0, 1),
        new float[] {0, 100 / 255f, 200 / 255f, 250 / 255f}, s);
    assertArrayEquals(new float[] {0, 0.19215687f, 0.58431375f, 0.78039217f}, y, 1e-6f);
  }
}
