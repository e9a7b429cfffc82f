package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Upsamples 1 spatial axis/axes by repeating elements, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.UpSampling1D(size=2)}.
 * <pre>{@code model.add(new UpSampling1D(2));}</pre>
 */
public class UpSampling1D extends BaseUpSampling<UpSampling1D> {
  /** {@code size}: none for Keras' default 2, one int for every axis, or one per axis. */
  public UpSampling1D(int... size) {
    super(1, size);
  }

  /** The layer a Keras config describes (Keras' {@code UpSampling1D.from_config}); {@code size} may be one int. */
  public static UpSampling1D fromConfig(Map<String, Object> config) {
    Config c = new Config("UpSampling1D", config);
    return new UpSampling1D(c.ints("size", new int[] {2})).applyConfig(c);
  }
}
