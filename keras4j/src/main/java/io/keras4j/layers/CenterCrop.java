package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Crops the central {@code height} x {@code width} window of each image; an image smaller than the window is
 * cropped to its aspect ratio and resized instead.
 *
 * <p>Keras equivalent: {@code keras.layers.CenterCrop(height, width, data_format=None)}
 * (keras/src/layers/preprocessing/image_preprocessing/center_crop.py): the window starts at
 * {@code (h - height) // 2, (w - width) // 2}; when either side is too small, Keras' {@code smart_resize}
 * (crop to the target aspect ratio, then bilinear resize). Inputs are batched images, rank 4; when their height or
 * width is known only at run time, the central window is cropped (it must fit), as Keras does.
 * <pre>{@code model.add(new CenterCrop(224, 224));}</pre>
 */
public class CenterCrop extends BaseLayer<CenterCrop> {
  private final int height;
  private final int width;
  private String dataFormat = "channels_last";

  /** Crops {@code height} x {@code width} windows (Keras' {@code height}, {@code width}). */
  public CenterCrop(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': height and width must be positive. Received: "
          + "height=" + height + ", width=" + width);
    }
    this.height = height;
    this.width = width;
    inputSpec(new InputSpec().ndim(4));
  }

  /** Sets "channels_last" or "channels_first" (Keras' {@code data_format=}). Default "channels_last". */
  public CenterCrop dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    this.dataFormat = DataFormats.check(dataFormat, name());
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    boolean first = dataFormat.equals("channels_first");
    Tensor x = ImageResizing.toChannelsLast(input, first);
    if (x.shape().get(1) < 0 || x.shape().get(2) < 0) {
      return ImageResizing.fromChannelsLast(dynamicCrop(x), first);
    }
    int[] hw = ImageResizing.size(x, name(), "CenterCrop");
    int dh = hw[0] - height;
    int dw = hw[1] - width;
    Tensor y;
    if (dh >= 0 && dw >= 0) {
      y = ops().slice(x, new int[] {0, dh / 2, dw / 2, 0}, new int[] {-1, height, width, -1});
    } else {
      y = ops().resize(ImageResizing.cropToAspectRatio(x, height, width, false, name()), height, width, "bilinear",
          false);
    }
    return ImageResizing.fromChannelsLast(y, first);
  }

  /**
   * Keras' crop of images whose height or width is known only when the model runs: the central window, which must
   * fit (Keras takes the same branch for sizes it cannot compare).
   */
  private Tensor dynamicCrop(Tensor x) {
    Ops ops = ops();
    Tensor zero = ops.constant(new int[] {0}, Shape.scalar());
    Tensor two = ops.constant(new int[] {2}, Shape.scalar());
    Tensor top = ops.divide(ops.subtract(ops.dimension(x, 1), ops.constant(new int[] {height}, Shape.scalar())), two);
    Tensor left = ops.divide(ops.subtract(ops.dimension(x, 2), ops.constant(new int[] {width}, Shape.scalar())), two);
    int channels = (int) x.shape().get(3);
    Tensor begin = ops.stack(List.of(zero, top, left, zero), 0);
    return ops.slice(x, begin, ops.constant(new int[] {-1, height, width, channels}, Shape.of(4)));
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
    c.put("data_format", dataFormat);
    return c;
  }

  /** A CenterCrop layer from its Keras config (Keras' {@code CenterCrop.from_config}). */
  public static CenterCrop fromConfig(Map<String, Object> config) {
    Config c = new Config("CenterCrop", config);
    CenterCrop l = new CenterCrop(c.integer("height"), c.integer("width"))
        .dataFormat(c.string("data_format", "channels_last"));
    return withBaseConfig(l, c);
  }
}
