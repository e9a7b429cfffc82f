package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Upsamples 2 spatial axis/axes by repeating elements (or resizing bilinearly), channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.UpSampling2D(size=(2, 2), data_format=None, interpolation="nearest")}.
 * <pre>{@code model.add(new UpSampling2D(2));}</pre>
 */
public class UpSampling2D extends BaseUpSampling<UpSampling2D> {
  /** {@code size}: none for Keras' default 2, one int for every axis, or one per axis. */
  public UpSampling2D(int... size) {
    super(2, size);
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  @Override
  public UpSampling2D dataFormat(String dataFormat) {
    return super.dataFormat(dataFormat);
  }

  /** Sets "nearest" or "bilinear" (Keras' {@code interpolation=}). Default "nearest". */
  @Override
  public UpSampling2D interpolation(String interpolation) {
    return super.interpolation(interpolation);
  }

  /** The layer a Keras config describes (Keras' {@code UpSampling2D.from_config}); {@code size} may be one int. */
  public static UpSampling2D fromConfig(Map<String, Object> config) {
    Config c = new Config("UpSampling2D", config);
    return new UpSampling2D(c.ints("size", new int[] {2})).applyConfig(c);
  }
}
