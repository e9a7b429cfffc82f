package io.keras4j.layers;

/**
 * Average pooling over 3 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.AveragePooling3D(pool_size=(2, 2, 2), strides=None, padding="valid",
 * data_format=None)}.
 */
public class AveragePooling3D extends BasePooling<AveragePooling3D> {
  /** Pools of size 2 along every axis. */
  public AveragePooling3D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public AveragePooling3D(int... poolSize) {
    super(3, "avg", poolSize);
  }
}
