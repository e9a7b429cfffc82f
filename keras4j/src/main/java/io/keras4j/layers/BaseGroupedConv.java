package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of Conv1D, Conv2D and Conv3D: an N-D convolution whose input channels may be split into {@code groups},
 * then bias and activation, channels-last.
 *
 * <p>Keras equivalent: {@code keras.src.layers.convolutional.base_conv.BaseConv(rank, filters, kernel_size,
 * strides=1, padding="valid", data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}. Kernel shape
 * {@code (*kernel_size, in_channels / groups, filters)}.
 * <pre>{@code new Conv2D(8, 3).groups(2).padding("same")}</pre>
 * Porting note: keras4j's {@link BaseConv} holds the arguments every convolution shares; this class adds Keras'
 * {@code groups} and the forward pass.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseGroupedConv<T extends BaseGroupedConv<T>> extends BaseKernelConv<T> {
  private int groups = 1;

  protected BaseGroupedConv(int rank, int filters, int... kernelSize) {
    super(rank, filters, kernelSize);
  }

  /** Sets the number of channel groups, which must divide {@code filters} (Keras' {@code groups=}). Default 1. */
  public T groups(int groups) {
    checkNotBuilt("groups");
    if (groups <= 0 || filters() % groups != 0) {
      throw new IllegalArgumentException("The number of filters must be evenly divisible by the number of groups. "
          + "Received: groups=" + groups + ", filters=" + filters());
    }
    this.groups = groups;
    return self();
  }

  @Override
  protected boolean allowsCausalPadding() {
    return rank() == 1;
  }

  @Override
  protected void build(Shape inputShape) {
    int rank = rank();
    long in = checkInput(inputShape);
    if (in % groups != 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': the number of input channels must be divisible "
          + "by groups=" + groups + ". Received input_shape=" + inputShape);
    }
    checkStridesWithDilation();
    long[] k = new long[rank + 2];
    for (int i = 0; i < rank; i++) {
      k[i] = kernelSize()[i];
    }
    k[rank] = in / groups;
    k[rank + 1] = filters();
    addKernel(Shape.of(k));
    addBias(filters());
    inputSpec(new InputSpec().ndim(rank + 2).axis(-1, in));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor x = input;
    String pad = paddingValue();
    if (pad.equals("causal")) {
      int[][] p = new int[3][2];
      p[1][0] = dilationRateValue()[0] * (kernelSize()[0] - 1);
      x = ops.pad(x, p, 0f);
      pad = "valid";
    }
    Tensor y = groups == 1 ? ops.conv(x, ops.read(kernel()), stridesValue(), pad, dilationRateValue())
        : grouped(ops, x, pad);
    return biasAndActivation(ops, y);
  }

  /**
   * Grouped convolution: each group of input channels with its slice of the filters; one depthwise convolution
   * when each group is one channel (ConvNeXt's {@code groups=channels}), whose kernel
   * {@code (kh, kw, 1, groups * m)} is, element for element, the depthwise kernel {@code (kh, kw, groups, m)}.
   */
  private Tensor grouped(Ops ops, Tensor x, String pad) {
    int rank = rank();
    Tensor k = ops.read(kernel());
    int inPer = (int) kernel().shape().get(rank);
    int outPer = filters() / groups;
    int[] strides = stridesValue();
    if (rank == 2 && inPer == 1 && strides[0] == strides[1]) {
      Tensor depthwise = ops.reshape(k, kernelSize()[0], kernelSize()[1], groups, outPer);
      return ops.depthwiseConv(x, depthwise, strides, pad, dilationRateValue());
    }
    List<Tensor> parts = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int[] xb = new int[rank + 2];
      int[] xs = ConvUtils.repeat(-1, rank + 2);
      xb[rank + 1] = g * inPer;
      xs[rank + 1] = inPer;
      int[] kb = new int[rank + 2];
      int[] ks = ConvUtils.repeat(-1, rank + 2);
      kb[rank + 1] = g * outPer;
      ks[rank + 1] = outPer;
      parts.add(ops.conv(ops.slice(x, xb, xs), ops.slice(k, kb, ks), stridesValue(), pad, dilationRateValue()));
    }
    return ops.concatenate(parts, -1);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    long[] sp = outputSpatial(s, paddingValue().equals("causal") ? "same" : paddingValue());
    long[] out = new long[rank() + 2];
    out[0] = s.get(0);
    System.arraycopy(sp, 0, out, 1, sp.length);
    out[rank() + 1] = filters();
    return List.of(Shape.of(out));
  }

  @Override
  protected void addOwnConfig(Map<String, Object> config) {
    super.addOwnConfig(config);
    config.put("groups", groups);
  }

  @Override
  protected T applyConfig(Config c) {
    groups(c.integer("groups", 1));
    return super.applyConfig(c);
  }
}
