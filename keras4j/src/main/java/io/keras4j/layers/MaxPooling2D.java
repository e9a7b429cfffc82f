package io.keras4j.layers;

/**
 * Max pooling over 2 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.MaxPooling2D(pool_size=(2, 2), strides=None, padding="valid",
 * data_format=None)}.
 */
public class MaxPooling2D extends BasePooling<MaxPooling2D> {
  /** Pools of size 2 along every axis. */
  public MaxPooling2D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public MaxPooling2D(int... poolSize) {
    super(2, "max", poolSize);
  }
}
