package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the 1 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling1D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalAveragePooling1D());}</pre>
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {
  public GlobalAveragePooling1D() {
    super(1, false);
  }

  /** The layer a Keras config describes (Keras' {@code GlobalAveragePooling1D.from_config}). */
  public static GlobalAveragePooling1D fromConfig(Map<String, Object> config) {
    return new GlobalAveragePooling1D().applyConfig(new Config("GlobalAveragePooling1D", config));
  }
}
