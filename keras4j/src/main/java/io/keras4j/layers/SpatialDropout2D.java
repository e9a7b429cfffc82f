package io.keras4j.layers;

/**
 * Drops whole feature maps (channels) during training, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.SpatialDropout2D(rate, data_format=None, seed=None)}: dropout with
 * noise shape {@code (batch, 1, 1, channels)}.
 */
public class SpatialDropout2D extends Dropout {
  public SpatialDropout2D(double rate) {
    super(rate);
    noiseShape(-1, 1, 1, -1);
    inputSpec(new InputSpec().ndim(4));
  }
}
