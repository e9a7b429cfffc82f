package io.keras4j.layers;

/**
 * Max pooling over 1 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.MaxPooling1D(pool_size=2, strides=None, padding="valid",
 * data_format=None)}.
 */
public class MaxPooling1D extends BasePooling<MaxPooling1D> {
  /** Pools of size 2 along every axis. */
  public MaxPooling1D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public MaxPooling1D(int... poolSize) {
    super(1, "max", poolSize);
  }
}
