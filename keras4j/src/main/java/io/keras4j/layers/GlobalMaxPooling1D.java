package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The maximum over the 1 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalMaxPooling1D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalMaxPooling1D());}</pre>
 */
public class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {
  public GlobalMaxPooling1D() {
    super(1, true);
  }

  /** The layer a Keras config describes (Keras' {@code GlobalMaxPooling1D.from_config}). */
  public static GlobalMaxPooling1D fromConfig(Map<String, Object> config) {
    return new GlobalMaxPooling1D().applyConfig(new Config("GlobalMaxPooling1D", config));
  }
}
