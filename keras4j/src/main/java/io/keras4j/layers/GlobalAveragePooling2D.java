package io.keras4j.layers;

/**
 * The average over the 2 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling2D(data_format=None, keepdims=False)}.
 */
public class GlobalAveragePooling2D extends BaseGlobalPooling<GlobalAveragePooling2D> {
  public GlobalAveragePooling2D() {
    super(2, false);
  }
}
