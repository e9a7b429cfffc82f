package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Upsamples 3 spatial axis/axes by repeating elements, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.UpSampling3D(size=(2, 2, 2), data_format=None)}.
 * <pre>{@code model.add(new UpSampling3D(2));}</pre>
 */
public class UpSampling3D extends BaseUpSampling<UpSampling3D> {
  /** {@code size}: none for Keras' default 2, one int for every axis, or one per axis. */
  public UpSampling3D(int... size) {
    super(3, size);
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  @Override
  public UpSampling3D dataFormat(String dataFormat) {
    return super.dataFormat(dataFormat);
  }

  /** The layer a Keras config describes (Keras' {@code UpSampling3D.from_config}); {@code size} may be one int. */
  public static UpSampling3D fromConfig(Map<String, Object> config) {
    Config c = new Config("UpSampling3D", config);
    return new UpSampling3D(c.ints("size", new int[] {2})).applyConfig(c);
  }
}
