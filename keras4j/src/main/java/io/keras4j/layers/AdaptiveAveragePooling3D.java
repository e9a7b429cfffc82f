package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Average pooling of (batch, dim1, dim2, dim3, channels) inputs (channels-last; channels first with
 * {@code dataFormat}) to a fixed output size, whatever the input size.
 *
 * <p>Keras equivalent: {@code keras.layers.AdaptiveAveragePooling3D(output_size, data_format=None)}
 * (keras/src/layers/pooling/adaptive_average_pooling3d.py); the bins are {@link BaseAdaptivePooling}'s.
 * <pre>{@code model.add(new AdaptiveAveragePooling3D(2));}</pre>
 */
public class AdaptiveAveragePooling3D extends BaseAdaptivePooling<AdaptiveAveragePooling3D> {
  /** Average pooling to {@code outputSize}: one size for every spatial axis, or one per axis. */
  public AdaptiveAveragePooling3D(int... outputSize) {
    super(3, "avg", outputSize);
  }

  /** An AdaptiveAveragePooling3D layer from its Keras config (Keras' {@code AdaptiveAveragePooling3D.from_config}). */
  public static AdaptiveAveragePooling3D fromConfig(Map<String, Object> config) {
    Config c = new Config("AdaptiveAveragePooling3D", config);
    return withPoolingConfig(new AdaptiveAveragePooling3D(outputSizeOf(c)), c);
  }
}
