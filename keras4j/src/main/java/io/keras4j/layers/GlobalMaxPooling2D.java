package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The maximum over the 2 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalMaxPooling2D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalMaxPooling2D());}</pre>
 */
public class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {
  public GlobalMaxPooling2D() {
    super(2, true);
  }

  /** The layer a Keras config describes (Keras' {@code GlobalMaxPooling2D.from_config}). */
  public static GlobalMaxPooling2D fromConfig(Map<String, Object> config) {
    return new GlobalMaxPooling2D().applyConfig(new Config("GlobalMaxPooling2D", config));
  }
}
