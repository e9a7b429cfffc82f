package io.keras4j.layers;

/**
 * The max over the 2 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalMaxPooling2D(data_format=None, keepdims=False)}.
 */
public class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {
  public GlobalMaxPooling2D() {
    super(2, true);
  }
}
