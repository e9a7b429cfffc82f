package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the 3 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling3D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalAveragePooling3D());}</pre>
 */
public class GlobalAveragePooling3D extends BaseGlobalPooling<GlobalAveragePooling3D> {
  public GlobalAveragePooling3D() {
    super(3, false);
  }

  /** The layer a Keras config describes (Keras' {@code GlobalAveragePooling3D.from_config}). */
  public static GlobalAveragePooling3D fromConfig(Map<String, Object> config) {
    return new GlobalAveragePooling3D().applyConfig(new Config("GlobalAveragePooling3D", config));
  }
}
