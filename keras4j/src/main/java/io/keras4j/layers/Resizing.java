package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Resizes images to {@code height} x {@code width}, optionally cropping or padding to the target aspect ratio first.
 *
 * <p>Keras equivalent: {@code keras.layers.Resizing(height, width, interpolation="bilinear",
 * crop_to_aspect_ratio=False, pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0, antialias=False,
 * data_format=None)} (keras/src/layers/preprocessing/image_preprocessing/resizing.py), which calls
 * {@code tf.image.resize}: "bilinear", "nearest" and "bicubic" with half-pixel centres, "area", "lanczos3",
 * "lanczos5". Inputs are batched images, rank 4; height and width must be known to crop or pad.
 * <pre>{@code model.add(new Resizing(224, 224).cropToAspectRatio(true));}</pre>
 */
public class Resizing extends BaseLayer<Resizing> {
  static final List<String> INTERPOLATIONS = List.of("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area");
  private final int height;
  private final int width;
  private String interpolation = "bilinear";
  private boolean cropToAspectRatio;
  private boolean padToAspectRatio;
  private String fillMode = "constant";
  private double fillValue;
  private boolean antialias;
  private String dataFormat = "channels_last";

  /** Resizes to {@code height} x {@code width} pixels (Keras' {@code height}, {@code width}). */
  public Resizing(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': height and width must be positive. Received: "
          + "height=" + height + ", width=" + width);
    }
    this.height = height;
    this.width = width;
    inputSpec(new InputSpec().ndim(4));
  }

  /**
   * Sets "bilinear", "nearest", "bicubic", "area", "lanczos3" or "lanczos5" (Keras' {@code interpolation=}).
   * Default "bilinear".
   */
  public Resizing interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    if (!INTERPOLATIONS.contains(interpolation)) {
      throw new IllegalArgumentException("Layer '" + name() + "': Invalid value for argument `interpolation`. "
          + "Expected of one " + INTERPOLATIONS + ". Received: interpolation=" + interpolation);
    }
    this.interpolation = interpolation;
    return this;
  }

  /**
   * Sets whether to crop the largest centred box of the target aspect ratio first (Keras'
   * {@code crop_to_aspect_ratio=}). Default false.
   */
  public Resizing cropToAspectRatio(boolean crop) {
    checkNotBuilt("crop_to_aspect_ratio");
    checkNotBoth(crop, padToAspectRatio);
    this.cropToAspectRatio = crop;
    return this;
  }

  /**
   * Sets whether to pad to the target aspect ratio with {@code fill_value} first (Keras'
   * {@code pad_to_aspect_ratio=}). Default false.
   */
  public Resizing padToAspectRatio(boolean pad) {
    checkNotBuilt("pad_to_aspect_ratio");
    checkNotBoth(cropToAspectRatio, pad);
    this.padToAspectRatio = pad;
    return this;
  }

  private void checkNotBoth(boolean crop, boolean pad) {
    if (crop && pad) {
      throw new IllegalArgumentException("Layer '" + name() + "': Only one of `pad_to_aspect_ratio` & "
          + "`crop_to_aspect_ratio` can be `True`.");
    }
  }

  /** Sets how padding is filled; only "constant" (Keras' {@code fill_mode=}). Default "constant". */
  public Resizing fillMode(String fillMode) {
    checkNotBuilt("fill_mode");
    if (!"constant".equals(fillMode)) {
      throw new IllegalArgumentException("Layer '" + name() + "': Invalid value for argument `fill_mode`. Only "
          + "`'constant'` is supported. Received: fill_mode=" + fillMode);
    }
    this.fillMode = fillMode;
    return this;
  }

  /** Sets the value of padded pixels (Keras' {@code fill_value=}). Default 0.0. */
  public Resizing fillValue(double fillValue) {
    checkNotBuilt("fill_value");
    this.fillValue = fillValue;
    return this;
  }

  /** Sets whether downsampling filters first (Keras' {@code antialias=}; bilinear, bicubic, lanczos). Default false. */
  public Resizing antialias(boolean antialias) {
    checkNotBuilt("antialias");
    this.antialias = antialias;
    return this;
  }

  /** Sets "channels_last" or "channels_first" (Keras' {@code data_format=}). Default "channels_last". */
  public Resizing dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    this.dataFormat = DataFormats.check(dataFormat, name());
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    boolean first = dataFormat.equals("channels_first");
    Tensor x = ImageResizing.toChannelsLast(input, first);
    if (cropToAspectRatio) {
      x = ImageResizing.cropToAspectRatio(x, height, width, true, name());
    } else if (padToAspectRatio) {
      x = ImageResizing.padToAspectRatio(x, height, width, (float) fillValue, name());
    }
    return ImageResizing.fromChannelsLast(ops().resize(x, height, width, interpolation, antialias), first);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    int h = dataFormat.equals("channels_first") ? 2 : 1;
    return List.of(s.with(h, height).with(h + 1, width));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height", height);
    c.put("width", width);
    c.put("interpolation", interpolation);
    c.put("crop_to_aspect_ratio", cropToAspectRatio);
    c.put("pad_to_aspect_ratio", padToAspectRatio);
    c.put("fill_mode", fillMode);
    c.put("fill_value", fillValue);
    c.put("antialias", antialias);
    c.put("data_format", dataFormat);
    return c;
  }

  /** A Resizing layer from its Keras config (Keras' {@code Resizing.from_config}). */
  public static Resizing fromConfig(Map<String, Object> config) {
    Config c = new Config("Resizing", config);
    Resizing r = new Resizing(c.integer("height"), c.integer("width"))
        .interpolation(c.string("interpolation", "bilinear"))
        .cropToAspectRatio(c.bool("crop_to_aspect_ratio", false))
        .padToAspectRatio(c.bool("pad_to_aspect_ratio", false))
        .fillMode(c.string("fill_mode", "constant"))
        .fillValue(c.number("fill_value", 0.0))
        .antialias(c.bool("antialias", false))
        .dataFormat(c.string("data_format", "channels_last"));
    return withBaseConfig(r, c);
  }
}
