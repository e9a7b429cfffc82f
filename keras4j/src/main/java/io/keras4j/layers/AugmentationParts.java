package io.keras4j.layers;

import java.util.List;

/**
 * The augmentations that AugMix and RandAugment choose from, built as Keras builds them from one
 * {@code factor=(lower, upper)}, {@code value_range} and {@code interpolation}.
 *
 * <p>Keras equivalent: the sub-layers made in {@code AugMix.__init__} and {@code RandAugment.__init__}: RandomShear
 * and RandomTranslation with both factors (lower, upper), RandomRotation(factor), Solarization with both factors,
 * RandomPosterization({@code max(1, int(8 upper))}), AutoContrast, Equalization, RandomBrightness,
 * RandomColorDegeneration, RandomContrast and RandomSharpness with the factor.
 */
final class AugmentationParts {
  /** RandAugment's list, in Keras' order (AugMix's {@code AUGMENT_LAYERS_ALL} holds the same eleven). */
  static final List<String> RAND_AUGMENT = List.of("random_shear", "random_translation", "random_rotation",
      "random_brightness", "random_color_degeneration", "random_contrast", "random_sharpness",
      "random_posterization", "solarization", "auto_contrast", "equalization");
  /** AugMix's {@code AUGMENT_LAYERS_ALL}, in Keras' order. */
  static final List<String> AUG_MIX_ALL = List.of("random_shear", "random_translation", "random_rotation",
      "random_posterization", "solarization", "auto_contrast", "equalization", "random_brightness",
      "random_color_degeneration", "random_contrast", "random_sharpness");
  /** AugMix's {@code AUGMENT_LAYERS} (all_ops=False). */
  static final List<String> AUG_MIX = AUG_MIX_ALL.subList(0, 7);

  private AugmentationParts() {}

  /** The part {@code name} with Keras' arguments and the given seed. */
  static RandomImageLayer<?> part(String name, double[] factor, double[] range, String interpolation, long seed) {
    double lo = factor[0];
    double hi = factor[1];
    RandomImageLayer<?> layer = switch (name) {
      case "random_shear" -> new RandomShear().xFactor(lo, hi).yFactor(lo, hi).interpolation(interpolation);
      case "random_translation" -> new RandomTranslation(lo, hi, lo, hi).interpolation(interpolation);
      case "random_rotation" -> new RandomRotation(lo, hi).interpolation(interpolation);
      case "solarization" -> new Solarization().additionFactor(lo, hi).thresholdFactor(lo, hi)
          .valueRange(range[0], range[1]);
      case "random_posterization" -> new RandomPosterization(Math.max(1, (int) (8 * hi)))
          .valueRange(range[0], range[1]);
      case "auto_contrast" -> new AutoContrast().valueRange(range[0], range[1]);
      case "equalization" -> new Equalization().valueRange(range[0], range[1]);
      case "random_brightness" -> new RandomBrightness(lo, hi).valueRange(range[0], range[1]);
      case "random_color_degeneration" -> new RandomColorDegeneration(lo, hi).valueRange(range[0], range[1]);
      case "random_contrast" -> new RandomContrast(lo, hi).valueRange(range[0], range[1]);
      case "random_sharpness" -> new RandomSharpness(lo, hi).valueRange(range[0], range[1]);
      default -> throw new IllegalArgumentException("Unknown augmentation " + name);
    };
    return layer.seed(seed);
  }
}
