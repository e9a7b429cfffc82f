package io.keras4j.layers;

/**
 * The max over the 1 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalMaxPooling1D(data_format=None, keepdims=False)}.
 */
public class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {
  public GlobalMaxPooling1D() {
    super(1, true);
  }
}
