package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Average pooling of (batch, rows, cols, channels) inputs (channels-last; channels first with
 * {@code dataFormat}) to a fixed output size, whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.layers.AdaptiveAveragePooling2D(output_size, data_format=None)}
 * (keras/src/layers/pooling/adaptive_average_pooling2d.py); the bins are {@link BaseAdaptivePooling}'s.
 * <pre>{@code model.add(new AdaptiveAveragePooling2D(7, 7));}</pre>
 */
public class AdaptiveAveragePooling2D extends BaseAdaptivePooling<AdaptiveAveragePooling2D> {
  /** Average pooling to {@code outputSize}: one size for every spatial axis, or one per axis. */
  public AdaptiveAveragePooling2D(int... outputSize) {
    super(2, "avg", outputSize);
  }

  /** An AdaptiveAveragePooling2D layer from its Keras config (Keras' {@code AdaptiveAveragePooling2D.from_config}). */
  public static AdaptiveAveragePooling2D fromConfig(Map<String, Object> config) {
    Config c = new Config("AdaptiveAveragePooling2D", config);
    return withPoolingConfig(new AdaptiveAveragePooling2D(outputSizeOf(c)), c);
  }
}
