package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Average pooling of (batch, steps, channels) inputs (channels-last; channels first with {@code dataFormat}) to a fixed
 * output size, whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.layers.AdaptiveAveragePooling1D(output_size, data_format=None)}
 * (keras/src/layers/pooling/adaptive_average_pooling1d.py); the bins are {@link BaseAdaptivePooling}'s.
 * <pre>{@code model.add(new AdaptiveAveragePooling1D(4));}</pre>
 */
public class AdaptiveAveragePooling1D extends BaseAdaptivePooling<AdaptiveAveragePooling1D> {
  /** Average pooling to {@code outputSize}: one size for every spatial axis, or one per axis. */
  public AdaptiveAveragePooling1D(int... outputSize) {
    super(1, "avg", outputSize);
  }

  /** An AdaptiveAveragePooling1D layer from its Keras config (Keras' {@code AdaptiveAveragePooling1D.from_config}). */
  public static AdaptiveAveragePooling1D fromConfig(Map<String, Object> config) {
    Config c = new Config("AdaptiveAveragePooling1D", config);
    return withPoolingConfig(new AdaptiveAveragePooling1D(outputSizeOf(c)), c);
  }
}
