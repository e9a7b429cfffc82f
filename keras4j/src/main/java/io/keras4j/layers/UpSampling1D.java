package io.keras4j.layers;

/**
 * Upsamples 1 spatial axis/axes by repeating elements.
 *
 * <p>Keras equivalent: {@code keras.layers.UpSampling1D(size=2)}.
 */
public class UpSampling1D extends BaseUpSampling {
  /** {@code size}: one int for every axis or one per axis; default 2. */
  public UpSampling1D(int... size) {
    super(1, size);
  }
}
