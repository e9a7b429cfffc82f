package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image augmentation layers of Keras 3 keep their whole config through a .keras file: each layer is set away
 * from its defaults, saved in a model, loaded, and its loaded config equals the saved one.
 */
class AugmentationSavingTest {
  @TempDir
  Path dir;

  static Arguments of(Supplier<Layer> layer) {
    return Arguments.of(layer.get().getClass().getSimpleName(), layer);
  }

  static Stream<Arguments> layers() {
    return Stream.of(
        of(() -> new AutoContrast().valueRange(0, 1)),
        of(() -> new Solarization().additionFactor(0.1, 0.3).thresholdFactor(0.5).valueRange(-1, 1).seed(4)),
        of(() -> new Equalization().bins(64).valueRange(0, 1)),
        of(() -> new RandomInvert().factor(0.2, 0.6).valueRange(0, 1).seed(5)),
        of(() -> new RandomGrayscale().factor(0.25).seed(5)),
        of(() -> new RandomPosterization(2, 6).valueRange(0, 1).seed(5)),
        of(() -> new RandomSharpness(0.1, 0.7).seed(5)),
        of(() -> new RandomSaturation(-0.3, 0.6).valueRange(0, 1).seed(5)),
        of(() -> new RandomHue(0.1, 0.4).seed(5)),
        of(() -> new RandomColorDegeneration(0.3).valueRange(0, 1).seed(5)),
        of(() -> new RandomColorJitter().brightnessFactor(0.2).contrastFactor(0.1, 0.3).hueFactor(0.4).seed(5)),
        of(() -> new RandomErasing().factor(0.5).scale(0.1, 0.2).fillValue(3).valueRange(0, 10).seed(5)),
        of(() -> new RandomGaussianBlur().factor(0.4, 0.9).kernelSize(5, 3).sigma(0.2, 0.8).seed(5)),
        of(() -> new RandomShear().xFactor(0.2).yFactor(0.1, 0.3).fillMode("constant").fillValue(2).seed(5)),
        of(() -> new RandomPerspective().factor(0.5).scale(0.4).interpolation("nearest").fillValue(1).seed(5)),
        of(() -> new MixUp().alpha(0.7).seed(5)),
        of(() -> new CutMix().factor(0.2, 0.6).seed(5)),
        of(() -> new RandomElasticTransform().factor(0.5).scale(0.2, 0.7).fillMode("mirror").interpolation("nearest")
            .fillValue(3).valueRange(0, 1).seed(5)),
        of(() -> new AugMix().numChains(2).chainDepth(4).factor(0.1, 0.5).alpha(0.5).allOps(false)
            .interpolation("nearest").valueRange(0, 1).seed(5)),
        of(() -> new RandAugment().numOps(3).factor(0.2).interpolation("nearest").valueRange(-1, 1).seed(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void configSurvivesSaveAndLoad(String name, Supplier<Layer> factory) {
    Layer layer = factory.get();
    KerasTensor in = Input.of(4, 4, 3);
    try (Model m = new Model(in, layer.apply(in))) {
      Path file = dir.resolve("m.keras");
      m.save(file);
      try (Model loaded = Models.loadModel(file)) {
        Layer back = loaded.layers().get(1);
        assertEquals(layer.getClass(), back.getClass());
        Map<String, Object> expected = layer.getConfig();
        assertEquals(EveryConfig.json(expected), EveryConfig.json(back.getConfig()), name);
        assertTrue(expected.containsKey("value_range") || expected.containsKey("alpha") || expected.containsKey("factor")
            || expected.containsKey("x_factor"), name);
      }
    }
  }
}
