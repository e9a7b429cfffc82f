package io.keras4j.layers;

/**
 * The max over the 3 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalMaxPooling3D(data_format=None, keepdims=False)}.
 */
public class GlobalMaxPooling3D extends BaseGlobalPooling<GlobalMaxPooling3D> {
  public GlobalMaxPooling3D() {
    super(3, true);
  }
}
