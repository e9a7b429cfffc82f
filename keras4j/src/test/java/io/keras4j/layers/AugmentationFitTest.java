package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Keras 3 augmentation layer trains inside a model (active in fit, with finite losses) and predicts as Keras
 * does at inference: unchanged images, except AutoContrast, which is applied at inference too.
 */
class AugmentationFitTest {
  static Stream<Supplier<Layer>> layers() {
    return Stream.of(AutoContrast::new, Solarization::new, Equalization::new, RandomInvert::new, RandomGrayscale::new,
        () -> new RandomPosterization(4), () -> new RandomSharpness(0.5), () -> new RandomSaturation(0.5),
        () -> new RandomHue(0.3), () -> new RandomColorDegeneration(0.5),
        () -> new RandomColorJitter().brightnessFactor(0.2).contrastFactor(0.2).saturationFactor(0.2).hueFactor(0.2),
        RandomErasing::new, RandomGaussianBlur::new, () -> new RandomShear().xFactor(0.2), RandomPerspective::new,
        RandomElasticTransform::new, MixUp::new, CutMix::new, () -> new AugMix().numChains(2).chainDepth(2),
        RandAugment::new);
  }

  @ParameterizedTest
  @MethodSource("layers")
  void trainsAndPredicts(Supplier<Layer> factory) {
    Backend.setRandomSeed(1);
    Layer layer = factory.get();
    String name = layer.getClass().getSimpleName();
    Random r = new Random(3);
    float[] x = new float[8 * 6 * 6 * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() * 255;
    }
    NDArray images = NDArray.of(x, 8, 6, 6, 3);
    KerasTensor in = Input.of(6, 6, 3);
    try (Model augment = new Model(in, layer.apply(in))) {
      NDArray out = augment.predict(images);
      if (!(layer instanceof AutoContrast)) {
        assertArrayEquals(x, out.toFloatArray(), name + " at inference");
      }
      KerasTensor in2 = Input.of(6, 6, 3);
      KerasTensor h = new Flatten().apply(new Rescaling(1 / 255.0).apply(factory.get().apply(in2)));
      try (Model m = new Model(in2, new Dense(2).apply(h))) {
        m.compile("adam", "mse");
        var history = m.fit(images, new float[8][2], new FitOptions().epochs(2).batchSize(4).verbose(0));
        List<Double> loss = history.history().get("loss");
        assertTrue(loss.stream().allMatch(v -> Double.isFinite(v)), name + ": losses " + loss);
      }
    }
  }
}
