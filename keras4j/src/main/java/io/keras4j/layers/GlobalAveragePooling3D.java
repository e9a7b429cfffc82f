package io.keras4j.layers;

/**
 * The average over the 3 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling3D(data_format=None, keepdims=False)}.
 */
public class GlobalAveragePooling3D extends BaseGlobalPooling<GlobalAveragePooling3D> {
  public GlobalAveragePooling3D() {
    super(3, false);
  }
}
