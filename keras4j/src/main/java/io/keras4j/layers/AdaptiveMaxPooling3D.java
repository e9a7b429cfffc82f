package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Max pooling of (batch, dim1, dim2, dim3, channels) inputs (channels-last; channels first with
 * {@code dataFormat}) to a fixed output size, whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.layers.AdaptiveMaxPooling3D(output_size, data_format=None)}
 * (keras/src/layers/pooling/adaptive_max_pooling3d.py); the bins are {@link BaseAdaptivePooling}'s.
 * <pre>{@code model.add(new AdaptiveMaxPooling3D(2));}</pre>
 */
public class AdaptiveMaxPooling3D extends BaseAdaptivePooling<AdaptiveMaxPooling3D> {
  /** Max pooling to {@code outputSize}: one size for every spatial axis, or one per axis. */
  public AdaptiveMaxPooling3D(int... outputSize) {
    super(3, "max", outputSize);
  }

  /** An AdaptiveMaxPooling3D layer from its Keras config (Keras' {@code AdaptiveMaxPooling3D.from_config}). */
  public static AdaptiveMaxPooling3D fromConfig(Map<String, Object> config) {
    Config c = new Config("AdaptiveMaxPooling3D", config);
    return withPoolingConfig(new AdaptiveMaxPooling3D(outputSizeOf(c)), c);
  }
}
