package io.keras4j.layers;

/**
 * 2-D transposed convolution (channels-last): kernel shape {@code (*kernel_size, filters, in_channels)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Conv2DTranspose(filters, kernel_size, strides=1, padding="valid",
 * output_padding=None, data_format=None, dilation_rate=1, activation=None, use_bias=True, ...)}.
 */
public class Conv2DTranspose extends BaseConvTranspose<Conv2DTranspose> {
  public Conv2DTranspose(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }
}
