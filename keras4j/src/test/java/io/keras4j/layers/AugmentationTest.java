package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Augmentation layers: identity at inference, seeded, aligned image and label map, and exact cases by hand. */
class AugmentationTest {
  static final Shape S = Shape.of(2, 4, 4, 1);
  static final float[] X = new float[32];

  static {
    for (int i = 0; i < 32; i++) {
      X[i] = i / 32f;
    }
  }

  static float[] train(RandomImageLayer<?> layer, float[] x, Shape s) {
    return GraphFixture.eval1(x, s, t -> layer.applyAll(List.of(t), true).get(0));
  }

  static Stream<Supplier<RandomImageLayer>> layers() {
    return Stream.of(RandomFlip::new, () -> new RandomRotation(0.2), () -> new RandomTranslation(0.3, 0.3),
        () -> new RandomZoom(0.3), () -> new RandomBrightness(0.2).valueRange(0, 1),
        () -> new RandomContrast(0.5).valueRange(0, 1), () -> new RandomCutout(0.5, 0.5));
  }

  @ParameterizedTest
  @MethodSource("layers")
  void identityAtInferenceSeededInTraining(Supplier<RandomImageLayer> factory) {
    RandomImageLayer layer = factory.get();
    assertArrayEquals(X, GraphFixture.eval1(X, S, t -> layer.apply(t, false)));
    float[] a = train(factory.get().seed(3), X, S);
    float[] b = train(factory.get().seed(3), X, S);
    float[] c = train(factory.get().seed(4), X, S);
    assertArrayEquals(a, b, layer.getClass().getSimpleName() + " with one seed");
    assertFalse(Arrays.equals(a, c) && Arrays.equals(a, X), layer.getClass().getSimpleName() + " changes its input");
  }

  @Test
  void imageAndLabelMapMoveTogether() {
    for (RandomImageLayer layer : List.of(new RandomFlip().seed(1),
        new RandomRotation(0.3).interpolation("nearest").seed(2), new RandomZoom(0.4).interpolation("nearest").seed(5),
        new RandomTranslation(0.4, 0.4).interpolation("nearest").seed(6), new RandomCrop(2, 3).seed(8))) {
      List<float[]> out = GraphFixture.eval(List.of(X, X), List.of(S, S), t -> layer.applyAll(t, true));
      assertArrayEquals(out.get(0), out.get(1), layer.getClass().getSimpleName());
    }
  }

  @Test
  void quarterTurnRotatesCounterClockwise() {
    float[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    float[] y = train(new RandomRotation(0.25, 0.25).interpolation("nearest"), img, Shape.of(1, 3, 3, 1));
    // 90 degrees counter-clockwise: the right column becomes the top row
    assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, y, 1e-5f);
  }

  @Test
  void flipsAreMirrorImagesOrNothing() {
    float[] img = {1, 2, 3, 4};
    Shape s = Shape.of(1, 2, 2, 1);
    for (long seed = 0; seed < 6; seed++) {
      float[] y = train(new RandomFlip("horizontal").seed(seed), img, s);
      assertTrue(Arrays.equals(y, img) || Arrays.equals(y, new float[] {2, 1, 4, 3}), Arrays.toString(y));
    }
  }

  @Test
  void brightnessAddsADeltaWithinTheRange() {
    float[] y = train(new RandomBrightness(0.25, 0.25).valueRange(0, 1), new float[] {0.1f, 0.9f}, Shape.of(1, 1, 2, 1));
    assertArrayEquals(new float[] {0.35f, 1f}, y, 1e-6f); // 0.9 + 0.25 clipped at 1
  }

  @Test
  void contrastKeepsTheMeanAndScalesDeviations() {
    float[] img = {1, 3};
    float[] y = train(new RandomContrast(0.5, 0.5).valueRange(-100, 100).seed(9), img, Shape.of(1, 1, 2, 1));
    assertEquals(2.0, (y[0] + y[1]) / 2, 1e-5);
    double factor = (y[1] - y[0]) / 2.0;
    assertTrue(factor >= 0.5 && factor <= 1.5, "factor " + factor);
    // one number f, as Keras 3.15.1's code reads it: factors in [1, 1 + f]
    for (long seed = 1; seed <= 5; seed++) {
      float[] z = train(new RandomContrast(0.5).valueRange(-100, 100).seed(seed), img, Shape.of(1, 1, 2, 1));
      double f = (z[1] - z[0]) / 2.0;
      assertTrue(f >= 1 && f <= 1.5, "factor " + f);
    }
  }

  @Test
  void cropTakesAWindowAndTheCentreAtInference() {
    float[] img = new float[16];
    for (int i = 0; i < 16; i++) {
      img[i] = i;
    }
    Shape s = Shape.of(1, 4, 4, 1);
    assertArrayEquals(new float[] {5, 6, 9, 10}, GraphFixture.eval1(img, s, t -> new RandomCrop(2, 2).apply(t, false)));
    float[] y = train(new RandomCrop(2, 2).seed(4), img, s);
    // a 2x2 window: consecutive columns, rows 4 apart
    assertEquals(y[0] + 1, y[1]);
    assertEquals(y[0] + 4, y[2]);
    assertEquals(y[0] + 5, y[3]);
  }

  @Test
  void cutoutMasksOneRectangle() {
    float[] ones = new float[64];
    Arrays.fill(ones, 1f);
    float[] y = train(new RandomCutout(0.5, 0.5).fillValue(-1).seed(2), ones, Shape.of(1, 8, 8, 1));
    int minR = 8;
    int maxR = -1;
    int minC = 8;
    int maxC = -1;
    int masked = 0;
    for (int i = 0; i < 64; i++) {
      assertTrue(y[i] == 1f || y[i] == -1f);
      if (y[i] == -1f) {
        masked++;
        minR = Math.min(minR, i / 8);
        maxR = Math.max(maxR, i / 8);
        minC = Math.min(minC, i % 8);
        maxC = Math.max(maxC, i % 8);
      }
    }
    assertTrue(masked > 0 && masked <= 16, "masked " + masked);
    assertEquals((maxR - minR + 1) * (maxC - minC + 1), masked, "a filled rectangle");
  }
}
