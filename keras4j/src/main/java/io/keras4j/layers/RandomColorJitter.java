package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random brightness, contrast, saturation and hue changes in turn, each optional, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomColorJitter(value_range=(0, 255), brightness_factor=None,
 * contrast_factor=None, saturation_factor=None, hue_factor=None, seed=None)}: the set factors build a
 * {@link RandomBrightness}, {@link RandomContrast}, {@link RandomSaturation} and {@link RandomHue} (each factor read
 * as that layer reads it), applied in that order. The config writes the factors as given.
 * <pre>{@code model.add(new RandomColorJitter().brightnessFactor(0.2).hueFactor(0.1));}</pre>
 */
public class RandomColorJitter extends BaseImageColorLayer<RandomColorJitter> {
  private Object brightness;
  private Object contrast;
  private Object saturation;
  private Object hue;
  private List<RandomImageLayer<?>> parts; // made at the first call, once the settings are fixed

  /** A jitter that changes nothing until a factor is set. */
  public RandomColorJitter() {}

  /** Sets RandomBrightness' factor, one number f for (-f, f) (Keras' {@code brightness_factor=}). Default none. */
  public RandomColorJitter brightnessFactor(double f) {
    return brightnessFactor(new double[] {f});
  }

  /** Sets RandomBrightness' factor (lower, upper) (Keras' {@code brightness_factor=(lower, upper)}). */
  public RandomColorJitter brightnessFactor(double lower, double upper) {
    return brightnessFactor(new double[] {lower, upper});
  }

  private RandomColorJitter brightnessFactor(double[] f) {
    checkNotBuilt("brightness_factor");
    brightness(f);
    this.brightness = raw(f);
    return this;
  }

  /** Sets RandomContrast's factor, one number f (Keras' {@code contrast_factor=}). Default none. */
  public RandomColorJitter contrastFactor(double f) {
    return contrastFactor(new double[] {f});
  }

  /** Sets RandomContrast's factor (lower, upper): contrasts in [1 - lower, 1 + upper]. */
  public RandomColorJitter contrastFactor(double lower, double upper) {
    return contrastFactor(new double[] {lower, upper});
  }

  private RandomColorJitter contrastFactor(double[] f) {
    checkNotBuilt("contrast_factor");
    contrast(f);
    this.contrast = raw(f);
    return this;
  }

  /** Sets RandomSaturation's factor, one number f for (-f, f) (Keras' {@code saturation_factor=}). Default none. */
  public RandomColorJitter saturationFactor(double f) {
    return saturationFactor(new double[] {f});
  }

  /** Sets RandomSaturation's factor (lower, upper) (Keras' {@code saturation_factor=(lower, upper)}). */
  public RandomColorJitter saturationFactor(double lower, double upper) {
    return saturationFactor(new double[] {lower, upper});
  }

  private RandomColorJitter saturationFactor(double[] f) {
    checkNotBuilt("saturation_factor");
    saturation(f);
    this.saturation = raw(f);
    return this;
  }

  /** Sets RandomHue's factor, one number f for (0, f) (Keras' {@code hue_factor=}). Default none. */
  public RandomColorJitter hueFactor(double f) {
    return hueFactor(new double[] {f});
  }

  /** Sets RandomHue's factor (lower, upper) (Keras' {@code hue_factor=(lower, upper)}). */
  public RandomColorJitter hueFactor(double lower, double upper) {
    return hueFactor(new double[] {lower, upper});
  }

  private RandomColorJitter hueFactor(double[] f) {
    checkNotBuilt("hue_factor");
    hue(f);
    this.hue = raw(f);
    return this;
  }

  private static Object raw(double[] f) {
    return f.length == 1 ? (Object) f[0] : ConfigLists.of(f);
  }

  private static double[] values(Object raw) {
    if (raw instanceof Double d) {
      return new double[] {d};
    }
    return ((List<?>) raw).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  private RandomBrightness brightness(double[] f) {
    return f.length == 1 ? new RandomBrightness(f[0]) : new RandomBrightness(f[0], f[1]);
  }

  private RandomContrast contrast(double[] f) {
    return f.length == 1 ? new RandomContrast(f[0]) : new RandomContrast(f[0], f[1]);
  }

  private RandomSaturation saturation(double[] f) {
    return f.length == 1 ? new RandomSaturation(f[0]) : new RandomSaturation(f[0], f[1]);
  }

  private RandomHue hue(double[] f) {
    return f.length == 1 ? new RandomHue(f[0]) : new RandomHue(f[0], f[1]);
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    if (parts == null) {
      double[] r = range();
      long seed = seedValue();
      parts = new ArrayList<>();
      if (brightness != null) {
        parts.add(brightness(values(brightness)).valueRange(r[0], r[1]).seed(seed + 1));
      }
      if (contrast != null) {
        parts.add(contrast(values(contrast)).valueRange(r[0], r[1]).seed(seed + 2));
      }
      if (saturation != null) {
        parts.add(saturation(values(saturation)).valueRange(r[0], r[1]).seed(seed + 3));
      }
      if (hue != null) {
        parts.add(hue(values(hue)).valueRange(r[0], r[1]).seed(seed + 4));
      }
    }
    List<Tensor> images = List.of(x);
    for (RandomImageLayer<?> part : parts) {
      images = part.augmentPart(ops, images, this);
    }
    return images.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("brightness_factor", brightness);
    c.put("contrast_factor", contrast);
    c.put("saturation_factor", saturation);
    c.put("hue_factor", hue);
    return c;
  }

  /** A RandomColorJitter layer from its Keras config (Keras' {@code RandomColorJitter.from_config}). */
  public static RandomColorJitter fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomColorJitter", config);
    RandomColorJitter j = new RandomColorJitter();
    double[] f = c.numbers("brightness_factor", null);
    if (f != null) {
      j.brightnessFactor(f);
    }
    f = c.numbers("contrast_factor", null);
    if (f != null) {
      j.contrastFactor(f);
    }
    f = c.numbers("saturation_factor", null);
    if (f != null) {
      j.saturationFactor(f);
    }
    f = c.numbers("hue_factor", null);
    if (f != null) {
      j.hueFactor(f);
    }
    return withColorConfig(j, c);
  }
}
