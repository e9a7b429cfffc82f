package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A depthwise convolution over 2 spatial axis/axes followed by a pointwise (size 1) convolution to
 * {@code filters} channels.
 *
 * <p>Keras equivalent: {@code keras.layers.SeparableConv2D(filters, kernel_size, strides=1, padding="valid",
 * data_format=None, dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform", bias_initializer="zeros",
 * depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
 * depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None)}. Weights: depthwise kernel
 * {@code (*kernel_size, in, depth_multiplier)}, pointwise kernel {@code (1, ..., in * depth_multiplier, filters)},
 * bias {@code (filters,)}.
 * <pre>{@code model.add(new SeparableConv2D(32, 3).activation("relu"));}</pre>
 */
public class SeparableConv2D extends BaseSeparableConv<SeparableConv2D> {
  /** {@code filters} output channels from a depthwise kernel of {@code kernelSize} (one int, or one per axis). */
  public SeparableConv2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /** A SeparableConv2D from its Keras config (Keras' {@code SeparableConv2D.from_config}). */
  public static SeparableConv2D fromConfig(Map<String, Object> config) {
    Config c = new Config("SeparableConv2D", config);
    return new SeparableConv2D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
