package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Max pooling of (batch, steps, channels) inputs (channels-last; channels first with {@code dataFormat}) to a fixed
 * output size, whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.layers.AdaptiveMaxPooling1D(output_size, data_format=None)}
 * (keras/src/layers/pooling/adaptive_max_pooling1d.py); the bins are {@link BaseAdaptivePooling}'s.
 * <pre>{@code model.add(new AdaptiveMaxPooling1D(4));}</pre>
 */
public class AdaptiveMaxPooling1D extends BaseAdaptivePooling<AdaptiveMaxPooling1D> {
  /** Max pooling to {@code outputSize}: one size for every spatial axis, or one per axis. */
  public AdaptiveMaxPooling1D(int... outputSize) {
    super(1, "max", outputSize);
  }

  /** An AdaptiveMaxPooling1D layer from its Keras config (Keras' {@code AdaptiveMaxPooling1D.from_config}). */
  public static AdaptiveMaxPooling1D fromConfig(Map<String, Object> config) {
    Config c = new Config("AdaptiveMaxPooling1D", config);
    return withPoolingConfig(new AdaptiveMaxPooling1D(outputSizeOf(c)), c);
  }
}
