package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.function.Executable;

/** Keras 3.15.1's argument checks of the image augmentation layers, with messages naming what was received. */
class AugmentationArgumentsTest {
  static Arguments bad(String message, Executable call) {
    return Arguments.of(message, call);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        bad("Received: addition_factor=1.5", () -> new Solarization().additionFactor(1.5)),
        bad("Received: threshold_factor=-0.1", () -> new Solarization().thresholdFactor(-0.1, 0.2)),
        bad("`bins` must be a positive integer. Received: bins=0", () -> new Equalization().bins(0)),
        bad("in the range [0, 1]. Received: factor=1.5", () -> new RandomInvert().factor(1.5)),
        bad("`factor` should be between 0 and 1. Received: factor=2.0", () -> new RandomGrayscale().factor(2)),
        bad("in the range [1, 8]. Received: factor=9.0", () -> new RandomPosterization(9)),
        bad("in the range [0, 1]. Received: factor=-0.5", () -> new RandomSharpness(-0.5)),
        bad("in the range [-1, 1]. Received: factor=(1.5, 2.0)", () -> new RandomSaturation(1.5, 2)),
        bad("in the range [0, 1]. Received: factor=1.2", () -> new RandomHue(1.2)),
        bad("in the range [-1, 1]. Received: factor=-3.0", () -> new RandomColorDegeneration(-3)),
        bad("The `factor` argument should be a number", () -> new RandomColorJitter().brightnessFactor(2)),
        bad("Received: scale=(1.5, 2.0)", () -> new RandomErasing().scale(1.5, 2)),
        bad("kernel_size must be an odd number. Received: kernel_size=(4, 4)",
            () -> new RandomGaussianBlur().kernelSize(4)),
        bad("Received: sigma=2.0", () -> new RandomGaussianBlur().sigma(2)),
        bad("in the range [0, 1.0]. Received: x_factor=[-0.2, 0.3]", () -> new RandomShear().xFactor(-0.2, 0.3)),
        bad("Unknown `fill_mode` mirror", () -> new RandomShear().fillMode("mirror")),
        bad("`scale` argument should be a number in the range [0,1]. Received: scale=1.5",
            () -> new RandomPerspective().scale(1.5)),
        bad("Unknown `interpolation` bicubic", () -> new RandomPerspective().interpolation("bicubic")),
        bad("Unknown `fill_mode` edge", () -> new RandomElasticTransform().fillMode("edge")),
        bad("`alpha` must be positive. Received: alpha=0.0", () -> new MixUp().alpha(0)),
        bad("in the range [0, 1]. Received: factor=2.0", () -> new CutMix().factor(2)),
        bad("`num_chains` must be a positive integer. Received: num_chains=0", () -> new AugMix().numChains(0)),
        bad("`num_ops` must be non-negative. Received: num_ops=-1", () -> new RandAugment().numOps(-1)),
        bad("`value_range` must be [min, max] with min < max. Received: value_range=(1.0, 0.0)",
            () -> new AutoContrast().valueRange(1, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusedWithKerasMessage(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void colorDegenerationNeedsThreeChannels() {
    KerasTensor in = Input.of(4, 4, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RandomColorDegeneration(0.5).apply(in));
    assertTrue(e.getMessage().contains("must have 3 channels, but received images with 1 channels"), e.getMessage());
  }

  @Test
  void kerasFactorForms() {
    // one number f: (max(-f, lower bound), f); a pair is sorted
    assertEquals(List.of(0.0, 0.4), EveryConfig.list(new RandomHue(0.4).getConfig().get("factor")));
    assertEquals(List.of(-0.4, 0.4), EveryConfig.list(new RandomSaturation(0.4).getConfig().get("factor")));
    assertEquals(List.of(1, 4), new RandomPosterization(4).getConfig().get("factor"));
    assertEquals(List.of(0.2, 0.6), EveryConfig.list(new RandomSharpness(0.6, 0.2).getConfig().get("factor")));
    assertEquals(List.of(-0.3, 0.3), EveryConfig.list(new RandomShear().xFactor(0.3).getConfig().get("x_factor")));
    // Keras cannot read back its own symmetric x_factor [-f, f]; keras4j can
    Map<String, Object> shear = new RandomShear().xFactor(0.3).getConfig();
    assertEquals(EveryConfig.json(shear), EveryConfig.json(RandomShear.fromConfig(shear).getConfig()));
    // RandomColorJitter writes the factors as given
    Map<String, Object> jitter = new RandomColorJitter().brightnessFactor(0.2).hueFactor(0.1, 0.3).getConfig();
    assertEquals(0.2, jitter.get("brightness_factor"));
    assertEquals(List.of(0.1, 0.3), EveryConfig.list(jitter.get("hue_factor")));
    assertEquals(null, jitter.get("contrast_factor"));
  }
}
