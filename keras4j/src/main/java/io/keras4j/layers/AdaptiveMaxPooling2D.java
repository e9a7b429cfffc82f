package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Max pooling of (batch, rows, cols, channels) inputs (channels-last; channels first with
 * {@code dataFormat}) to a fixed output size, whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.layers.AdaptiveMaxPooling2D(output_size, data_format=None)}
 * (keras/src/layers/pooling/adaptive_max_pooling2d.py); the bins are {@link BaseAdaptivePooling}'s.
 * <pre>{@code model.add(new AdaptiveMaxPooling2D(7, 7));}</pre>
 */
public class AdaptiveMaxPooling2D extends BaseAdaptivePooling<AdaptiveMaxPooling2D> {
  /** Max pooling to {@code outputSize}: one size for every spatial axis, or one per axis. */
  public AdaptiveMaxPooling2D(int... outputSize) {
    super(2, "max", outputSize);
  }

  /** An AdaptiveMaxPooling2D layer from its Keras config (Keras' {@code AdaptiveMaxPooling2D.from_config}). */
  public static AdaptiveMaxPooling2D fromConfig(Map<String, Object> config) {
    Config c = new Config("AdaptiveMaxPooling2D", config);
    return withPoolingConfig(new AdaptiveMaxPooling2D(outputSizeOf(c)), c);
  }
}
