package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keras 3's image augmentation layers: seeded draws repeat, other seeds differ, label maps follow the image. */
class AugmentationSeedTest {
  static final Shape S = Shape.of(3, 5, 5, 3);
  static final float[] X = new float[75 * 3];

  static {
    for (int i = 0; i < X.length; i++) {
      X[i] = (i * 37 % 256);
    }
  }

  static Stream<Supplier<RandomImageLayer<?>>> randomLayers() {
    return Stream.of(() -> new Solarization().thresholdFactor(0.5), () -> new RandomInvert(),
        () -> new RandomGrayscale(), () -> new RandomPosterization(2, 7), () -> new RandomSharpness(0.9),
        () -> new RandomSaturation(0.8), () -> new RandomHue(0.8), () -> new RandomColorDegeneration(0.9),
        () -> new RandomColorJitter().brightnessFactor(0.3).hueFactor(0.5), () -> new RandomErasing().scale(0.2, 0.6),
        () -> new RandomGaussianBlur(), () -> new RandomShear().xFactor(0.5).yFactor(0.5),
        () -> new RandomPerspective().scale(0.8), MixUp::new, CutMix::new, RandomElasticTransform::new,
        () -> new AugMix().numChains(2).chainDepth(2), RandAugment::new);
  }

  @ParameterizedTest
  @MethodSource("randomLayers")
  void sameSeedSameDrawsOtherSeedOthers(Supplier<RandomImageLayer<?>> factory) {
    String name = factory.get().getClass().getSimpleName();
    float[] a = AugmentationTest.train(factory.get().seed(11), X, S);
    float[] b = AugmentationTest.train(factory.get().seed(11), X, S);
    assertArrayEquals(a, b, name + " with one seed");
    boolean differs = false;
    for (long seed = 12; seed < 16 && !differs; seed++) {
      differs = !Arrays.equals(a, AugmentationTest.train(factory.get().seed(seed), X, S));
    }
    assertFalse(!differs, name + ": other seeds give other draws");
    assertArrayEquals(X, GraphFixture.eval1(X, S, t -> factory.get().apply(t, false)), name + " at inference");
  }

  @Test
  void labelMapsMoveWithTheImage() {
    for (RandomImageLayer<?> layer : List.<RandomImageLayer<?>>of(
        new RandomShear().xFactor(0.4).yFactor(0.3).interpolation("nearest").seed(2),
        new RandomPerspective().scale(0.6).interpolation("nearest").seed(3), new MixUp().seed(4), new CutMix().seed(5),
        new RandomElasticTransform().interpolation("nearest").fillMode("nearest").seed(6))) {
      List<float[]> out = GraphFixture.eval(List.of(X, X), List.of(S, S), t -> layer.applyAll(t, true));
      assertArrayEquals(out.get(0), out.get(1), layer.getClass().getSimpleName());
    }
  }

  @Test
  void colourLayersLeaveLabelMapsAlone() {
    for (RandomImageLayer<?> layer : List.<RandomImageLayer<?>>of(new RandomInvert().factor(1, 1).seed(1),
        new RandomHue(1, 1).seed(1), new Solarization().seed(1), new RandomErasing().factor(1, 1).seed(1))) {
      List<float[]> out = GraphFixture.eval(List.of(X, X), List.of(S, S), t -> layer.applyAll(t, true));
      assertArrayEquals(X, out.get(1), layer.getClass().getSimpleName());
      assertFalse(Arrays.equals(X, out.get(0)), layer.getClass().getSimpleName());
    }
  }
}
