package io.keras4j.layers;

/**
 * Max pooling over 3 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.MaxPooling3D(pool_size=(2, 2, 2), strides=None, padding="valid",
 * data_format=None)}.
 */
public class MaxPooling3D extends BasePooling<MaxPooling3D> {
  /** Pools of size 2 along every axis. */
  public MaxPooling3D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public MaxPooling3D(int... poolSize) {
    super(3, "max", poolSize);
  }
}
