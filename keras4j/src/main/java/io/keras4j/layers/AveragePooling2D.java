package io.keras4j.layers;

/**
 * Average pooling over 2 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.AveragePooling2D(pool_size=(2, 2), strides=None, padding="valid",
 * data_format=None)}.
 */
public class AveragePooling2D extends BasePooling<AveragePooling2D> {
  /** Pools of size 2 along every axis. */
  public AveragePooling2D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public AveragePooling2D(int... poolSize) {
    super(2, "avg", poolSize);
  }
}
