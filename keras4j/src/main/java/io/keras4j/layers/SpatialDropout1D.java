package io.keras4j.layers;

/**
 * Drops whole feature maps (channels) during training, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.SpatialDropout1D(rate, data_format=None, seed=None)}: dropout with
 * noise shape {@code (batch, 1, channels)}.
 */
public class SpatialDropout1D extends Dropout {
  public SpatialDropout1D(double rate) {
    super(rate);
    noiseShape(-1, 1, -1);
    inputSpec(new InputSpec().ndim(3));
  }
}
