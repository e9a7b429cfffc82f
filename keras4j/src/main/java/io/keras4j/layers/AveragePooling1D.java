package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Average pooling over 1 spatial axis/axes, channels-last: the mean of each window.
 *
 * <p>Keras equivalent: {@code keras.layers.AveragePooling1D(pool_size, strides=None, padding="valid",
 * data_format=None)}; strides default to the pool size.
 * <pre>{@code model.add(new AveragePooling1D(2));}</pre>
 */
public class AveragePooling1D extends BasePooling<AveragePooling1D> {
  /** Pools of size 2 along every axis (Keras requires {@code pool_size} here; 2 is its MaxPooling default). */
  public AveragePooling1D() {
    this(2);
  }

  /** Pools of {@code poolSize} (one int for every axis, or one per axis). */
  public AveragePooling1D(int... poolSize) {
    super(1, "avg", poolSize);
  }

  /** The layer a Keras config describes (Keras' {@code AveragePooling1D.from_config}); pool_size may be one int. */
  public static AveragePooling1D fromConfig(Map<String, Object> config) {
    Config c = new Config("AveragePooling1D", config);
    return new AveragePooling1D(c.ints("pool_size", new int[] {2})).applyConfig(c);
  }
}
