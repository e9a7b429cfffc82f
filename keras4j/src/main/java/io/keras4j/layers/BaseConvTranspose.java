package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The base of Conv1DTranspose, Conv2DTranspose and Conv3DTranspose: the gradient of a convolution with respect to
 * its input.
 *
 * <p>Keras equivalent: {@code keras.src.layers.convolutional.base_conv_transpose.BaseConvTranspose(rank, filters,
 * kernel_size, strides=1, padding="valid", output_padding=None, data_format=None, dilation_rate=1,
 * activation=None, use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}.
 * Kernel shape {@code (*kernel_size, filters, in_channels)}.
 * <pre>{@code new Conv2DTranspose(16, 3).strides(2).padding("same").outputPadding(1)}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseConvTranspose<T extends BaseConvTranspose<T>> extends BaseKernelConv<T> {
  private int[] outputPadding;

  protected BaseConvTranspose(int rank, int filters, int... kernelSize) {
    super(rank, filters, kernelSize);
  }

  /**
   * Sets the extra length added at the end of each spatial axis, one int for every axis or one per axis, each below
   * the stride (Keras' {@code output_padding=}). Default none: the length is inferred.
   */
  public T outputPadding(int... outputPadding) {
    checkNotBuilt("output_padding");
    int[] p = outputPadding.length == 1 ? ConvUtils.repeat(outputPadding[0], rank()) : outputPadding.clone();
    if (p.length != rank() || Arrays.stream(p).anyMatch(v -> v < 0)) {
      throw new IllegalArgumentException("The `output_padding` argument must be a tuple of " + rank()
          + " integers >= 0. Received output_padding=" + Arrays.toString(outputPadding));
    }
    this.outputPadding = p;
    return self();
  }

  /** Checks Keras' rule that each stride exceeds its output padding, with whichever of the two came last. */
  private void checkOutputPadding() {
    if (outputPadding == null) {
      return;
    }
    for (int i = 0; i < rank(); i++) {
      if (outputPadding[i] >= stridesValue()[i]) {
        throw new IllegalArgumentException("Layer '" + name() + "': strides must be greater than output padding. "
            + "Received strides=" + Arrays.toString(stridesValue()) + ", output_padding="
            + Arrays.toString(outputPadding));
      }
    }
  }

  @Override
  protected void build(Shape inputShape) {
    int rank = rank();
    long in = checkInput(inputShape);
    checkOutputPadding();
    for (int i = 1; i <= rank; i++) {
      if (inputShape.get(i) < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "' needs known spatial dimensions. Received: "
            + inputShape);
      }
    }
    long[] k = new long[rank + 2];
    for (int i = 0; i < rank; i++) {
      k[i] = kernelSize()[i];
    }
    k[rank] = filters();
    k[rank + 1] = in;
    addKernel(Shape.of(k));
    addBias(filters());
    inputSpec(new InputSpec().ndim(rank + 2).axis(-1, in));
  }

  private int[] outputSpatial(Shape in) {
    int[] out = new int[rank()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) ConvUtils.transposeLength(in.get(i + 1), kernelSize()[i], paddingValue(), stridesValue()[i],
          dilationRateValue()[i], outputPadding == null ? -1 : outputPadding[i]);
    }
    return out;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor y = ops.convTranspose(input, ops.read(kernel()), outputSpatial(input.shape()), stridesValue(),
        paddingValue(), dilationRateValue());
    return biasAndActivation(ops, y);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    int[] sp = outputSpatial(s);
    long[] out = new long[rank() + 2];
    out[0] = s.get(0);
    for (int i = 0; i < sp.length; i++) {
      out[i + 1] = sp[i];
    }
    out[rank() + 1] = filters();
    return List.of(Shape.of(out));
  }

  @Override
  protected void addOwnConfig(Map<String, Object> config) {
    super.addOwnConfig(config);
    config.put("output_padding", outputPadding == null ? null : ConvUtils.list(outputPadding));
  }

  @Override
  protected T applyConfig(Config c) {
    if (c.has("output_padding")) {
      outputPadding(c.ints("output_padding", null));
    }
    return super.applyConfig(c);
  }
}
