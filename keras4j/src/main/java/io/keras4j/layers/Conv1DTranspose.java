package io.keras4j.layers;

/**
 * 1-D transposed convolution (channels-last): kernel shape {@code (*kernel_size, filters, in_channels)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Conv1DTranspose(filters, kernel_size, strides=1, padding="valid",
 * output_padding=None, data_format=None, dilation_rate=1, activation=None, use_bias=True, ...)}.
 */
public class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {
  public Conv1DTranspose(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }
}
