package io.keras4j.layers;

/**
 * Upsamples 3 spatial axis/axes by repeating elements.
 *
 * <p>Keras equivalent: {@code keras.layers.UpSampling3D(size=2)}.
 */
public class UpSampling3D extends BaseUpSampling {
  /** {@code size}: one int for every axis or one per axis; default 2. */
  public UpSampling3D(int... size) {
    super(3, size);
  }
}
