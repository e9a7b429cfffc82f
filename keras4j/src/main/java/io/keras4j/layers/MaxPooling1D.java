package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Max pooling over 1 spatial axis/axes, channels-last: the maximum of each window.
 *
 * <p>Keras equivalent: {@code keras.layers.MaxPooling1D(pool_size=2, strides=None, padding="valid",
 * data_format=None)}; strides default to the pool size.
 * <pre>{@code model.add(new MaxPooling1D(2));}</pre>
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

  /** The layer a Keras config describes (Keras' {@code MaxPooling1D.from_config}); {@code pool_size} may be one int. */
  public static MaxPooling1D fromConfig(Map<String, Object> config) {
    Config c = new Config("MaxPooling1D", config);
    return new MaxPooling1D(c.ints("pool_size", new int[] {2})).applyConfig(c);
  }
}
