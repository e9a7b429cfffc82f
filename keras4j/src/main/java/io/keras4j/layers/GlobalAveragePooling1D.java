package io.keras4j.layers;

/**
 * The average over the 1 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling1D(data_format=None, keepdims=False)}.
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {
  public GlobalAveragePooling1D() {
    super(1, false);
  }
}
