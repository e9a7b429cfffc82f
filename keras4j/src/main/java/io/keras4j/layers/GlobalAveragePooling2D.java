package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the 2 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling2D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalAveragePooling2D());}</pre>
 */
public class GlobalAveragePooling2D extends BaseGlobalPooling<GlobalAveragePooling2D> {
  public GlobalAveragePooling2D() {
    super(2, false);
  }

  /** The layer a Keras config describes (Keras' {@code GlobalAveragePooling2D.from_config}). */
  public static GlobalAveragePooling2D fromConfig(Map<String, Object> config) {
    return new GlobalAveragePooling2D().applyConfig(new Config("GlobalAveragePooling2D", config));
  }
}
