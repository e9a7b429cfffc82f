package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Max pooling over 2 spatial axis/axes, channels-last: the maximum of each window.
 *
 * <p>Keras equivalent: {@code keras.layers.MaxPooling2D(pool_size=(2, 2), strides=None, padding="valid",
 * data_format=None)}; strides default to the pool size.
 * <pre>{@code model.add(new MaxPooling2D(2));}</pre>
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

  /** The layer a Keras config describes (Keras' {@code MaxPooling2D.from_config}); {@code pool_size} may be one int. */
  public static MaxPooling2D fromConfig(Map<String, Object> config) {
    Config c = new Config("MaxPooling2D", config);
    return new MaxPooling2D(c.ints("pool_size", new int[] {2})).applyConfig(c);
  }
}
