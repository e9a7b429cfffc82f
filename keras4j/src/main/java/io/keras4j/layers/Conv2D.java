package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * 2-D convolution (channels-last): kernel shape {@code (*kernel_size, in_channels / groups, filters)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Conv2D(filters, kernel_size, strides=1, padding="valid",
 * data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
 * bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
 * kernel_constraint=None, bias_constraint=None)}; the keyword arguments are the setters of {@link BaseConv},
 * {@link BaseKernelConv} and {@link BaseGroupedConv}.
 * <pre>{@code model.add(new Conv2D(32, 3).activation("relu").padding("same"));}</pre>
 */
public class Conv2D extends BaseGroupedConv<Conv2D> {
  /** {@code filters} filters of {@code kernelSize} (one int for every axis, or one per axis). */
  public Conv2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /** A Conv2D from its Keras config (Keras' {@code Conv2D.from_config}). */
  public static Conv2D fromConfig(Map<String, Object> config) {
    Config c = new Config("Conv2D", config);
    return new Conv2D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
