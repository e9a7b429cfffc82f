package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The maximum over the 3 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalMaxPooling3D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalMaxPooling3D());}</pre>
 */
public class GlobalMaxPooling3D extends BaseGlobalPooling<GlobalMaxPooling3D> {
  public GlobalMaxPooling3D() {
    super(3, true);
  }

  /** The layer a Keras config describes (Keras' {@code GlobalMaxPooling3D.from_config}). */
  public static GlobalMaxPooling3D fromConfig(Map<String, Object> config) {
    return new GlobalMaxPooling3D().applyConfig(new Config("GlobalMaxPooling3D", config));
  }
}
