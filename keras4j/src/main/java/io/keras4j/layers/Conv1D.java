package io.keras4j.layers;

/**
 * 1-D convolution (channels-last): kernel shape {@code (*kernel_size, in_channels, filters)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Conv1D(filters, kernel_size, strides=1, padding="valid",
 * data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True, ...)}.
 * <pre>{@code model.add(new Conv1D(32, 3).activation("relu").padding("same"));}</pre>
 */
public class Conv1D extends BaseConv<Conv1D> {
  /** {@code filters} filters of {@code kernelSize} (one int for every axis, or one per axis). */
  public Conv1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }
}
