package io.keras4j.layers;

/**
 * Upsamples 2 spatial axis/axes by repeating elements.
 *
 * <p>Keras equivalent: {@code keras.layers.UpSampling2D(size=2, data_format=None, interpolation="nearest")}.
 */
public class UpSampling2D extends BaseUpSampling {
  /** {@code size}: one int for every axis or one per axis; default 2. */
  public UpSampling2D(int... size) {
    super(2, size);
  }

  /** Sets "nearest" or "bilinear" (Keras' {@code interpolation=}). Default "nearest". */
  public UpSampling2D interpolation(String interpolation) {
    setInterpolation(interpolation);
    return this;
  }
}
