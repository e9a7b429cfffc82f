package io.keras4j.layers;

/**
 * Average pooling over 1 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.AveragePooling1D(pool_size=2, strides=None, padding="valid",
 * data_format=None)}.
 */
public class AveragePooling1D extends BasePooling<AveragePooling1D> {
  /** Pools of size 2 along every axis. */
  public AveragePooling1D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public AveragePooling1D(int... poolSize) {
    super(1, "avg", poolSize);
  }
}
