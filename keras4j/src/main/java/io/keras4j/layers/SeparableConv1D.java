package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A depthwise convolution over 1 spatial axis/axes followed by a pointwise (size 1) convolution to
 * {@code filters} channels.
 *
 * <p>Keras equivalent: {@code keras.layers.SeparableConv1D(filters, kernel_size, strides=1, padding="valid",
 * data_format=None, dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform", bias_initializer="zeros",
 * depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
 * depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None)}. Weights: depthwise kernel
 * {@code (*kernel_size, in, depth_multiplier)}, pointwise kernel {@code (1, ..., in * depth_multiplier, filters)},
 * bias {@code (filters,)}.
 * <pre>{@code model.add(new SeparableConv1D(32, 3).activation("relu"));}</pre>
 */
public class SeparableConv1D extends BaseSeparableConv<SeparableConv1D> {
  /** {@code filters} output channels from a depthwise kernel of {@code kernelSize} (one int, or one per axis). */
  public SeparableConv1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /** A SeparableConv1D from its Keras config (Keras' {@code SeparableConv1D.from_config}). */
  public static SeparableConv1D fromConfig(Map<String, Object> config) {
    Config c = new Config("SeparableConv1D", config);
    return new SeparableConv1D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
