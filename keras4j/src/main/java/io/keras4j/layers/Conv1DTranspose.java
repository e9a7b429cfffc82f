package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * 1-D transposed convolution (channels-last): kernel shape {@code (*kernel_size, filters, in_channels)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Conv1DTranspose(filters, kernel_size, strides=1, padding="valid",
 * output_padding=None, data_format=None, dilation_rate=1, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
 * activity_regularizer=None, kernel_constraint=None, bias_constraint=None)}; the keyword arguments are the setters
 * of {@link BaseConv}, {@link BaseKernelConv} and {@link BaseConvTranspose}.
 * <pre>{@code model.add(new Conv1DTranspose(16, 3).strides(2).padding("same"));}</pre>
 */
public class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {
  /** {@code filters} filters of {@code kernelSize} (one int for every axis, or one per axis). */
  public Conv1DTranspose(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /** A Conv1DTranspose from its Keras config (Keras' {@code Conv1DTranspose.from_config}). */
  public static Conv1DTranspose fromConfig(Map<String, Object> config) {
    Config c = new Config("Conv1DTranspose", config);
    return new Conv1DTranspose(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
