package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * 1-D convolution (channels-last): kernel shape {@code (*kernel_size, in_channels / groups, filters)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Conv1D(filters, kernel_size, strides=1, padding="valid" (or "causal"),
 * data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
 * bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
 * kernel_constraint=None, bias_constraint=None)}; the keyword arguments are the setters of {@link BaseConv},
 * {@link BaseKernelConv} and {@link BaseGroupedConv}.
 * <pre>{@code model.add(new Conv1D(32, 3).activation("relu").padding("same"));}</pre>
 */
public class Conv1D extends BaseGroupedConv<Conv1D> {
  /** {@code filters} filters of {@code kernelSize} (one int for every axis, or one per axis). */
  public Conv1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /** A Conv1D from its Keras config (Keras' {@code Conv1D.from_config}). */
  public static Conv1D fromConfig(Map<String, Object> config) {
    Config c = new Config("Conv1D", config);
    return new Conv1D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
