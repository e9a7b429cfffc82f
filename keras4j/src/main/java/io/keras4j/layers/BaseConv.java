package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of Conv1D, Conv2D and Conv3D: an N-D convolution, bias and activation, channels-last.
 *
 * <p>Keras equivalent: {@code keras.src.layers.convolutional.base_conv.BaseConv(rank, filters, kernel_size,
 * strides=1, padding="valid", data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}. Kernel shape
 * {@code (*kernel_size, in_channels / groups, filters)}.
 */
public abstract class BaseConv<T extends BaseConv<T>> extends Layer {
  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  private final int rank;
  private final int filters;
  private final int[] kernelSize;
  private int[] strides;
  private String padding = "valid";
  private int[] dilationRate;
  private int groups = 1;
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Object kernelInitializer = "glorot_uniform";
  private Object biasInitializer = "zeros";
  private Object kernelRegularizer;
  private Object biasRegularizer;
  private Object kernelConstraint;
  private Object biasConstraint;
  private Variable kernel;
  private Variable bias;

  protected BaseConv(int rank, int filters, int... kernelSize) {
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=" + filters);
    }
    this.rank = rank;
    this.filters = filters;
    this.kernelSize = ConvUtils.tuple("kernel_size", rank, kernelSize);
    this.strides = ConvUtils.repeat(1, rank);
    this.dilationRate = ConvUtils.repeat(1, rank);
  }

  /** Sets the strides, one int or one per axis (Keras' {@code strides=}). Default 1. */
  public T strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = ConvUtils.tuple("strides", rank, strides);
    return self();
  }

  /** Sets "valid" or "same" ("causal" for Conv1D) (Keras' {@code padding=}). Default "valid". */
  public T padding(String padding) {
    checkNotBuilt("padding");
    this.padding = ConvUtils.padding(padding, rank == 1);
    return self();
  }

  /** Sets the dilation rate, one int or one per axis (Keras' {@code dilation_rate=}). Default 1. */
  public T dilationRate(int... rate) {
    checkNotBuilt("dilation_rate");
    this.dilationRate = ConvUtils.tuple("dilation_rate", rank, rate);
    return self();
  }

  /** Sets the number of channel groups (Keras' {@code groups=}). Default 1. */
  public T groups(int groups) {
    checkNotBuilt("groups");
    if (groups <= 0 || filters % groups != 0) {
      throw new IllegalArgumentException("The number of filters must be evenly divisible by the number of groups. "
          + "Received: groups=" + groups + ", filters=" + filters);
    }
    this.groups = groups;
    return self();
  }

  /** Only "channels_last" is supported (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    ConvUtils.channelsLast(dataFormat);
    return self();
  }

  /** Sets the activation (Keras' {@code activation=}). Default linear. */
  public T activation(Object activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return self();
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public T useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return self();
  }

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default "glorot_uniform". */
  public T kernelInitializer(Object init) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = init;
    return self();
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default "zeros". */
  public T biasInitializer(Object init) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = init;
    return self();
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}). Default none. */
  public T kernelRegularizer(Object reg) {
    checkNotBuilt("kernel_regularizer");
    this.kernelRegularizer = reg;
    return self();
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}). Default none. */
  public T biasRegularizer(Object reg) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = reg;
    return self();
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}). Default none. */
  public T kernelConstraint(Object c) {
    checkNotBuilt("kernel_constraint");
    this.kernelConstraint = c;
    return self();
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}). Default none. */
  public T biasConstraint(Object c) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = c;
    return self();
  }

  @Override
  protected void build(Shape inputShape) {
    if (inputShape.rank() != rank + 2) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected ndim=" + (rank + 2) + ", found ndim=" + inputShape.rank() + ". Full shape received: " + inputShape);
    }
    long in = inputShape.get(-1);
    if (in < 0 || in % groups != 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': the number of input channels must be known and "
          + "divisible by groups=" + groups + ". Received input_shape=" + inputShape);
    }
    for (int i = 0; i < rank; i++) {
      if (strides[i] > 1 && dilationRate[i] > 1) {
        throw new IllegalArgumentException("Layer '" + name() + "': strides > 1 not supported in conjunction with "
            + "dilation_rate > 1. Received: strides=" + java.util.Arrays.toString(strides) + " and dilation_rate="
            + java.util.Arrays.toString(dilationRate));
      }
    }
    long[] k = new long[rank + 2];
    for (int i = 0; i < rank; i++) {
      k[i] = kernelSize[i];
    }
    k[rank] = in / groups;
    k[rank + 1] = filters;
    kernel = addWeight("kernel", Shape.of(k), kernelInitializer, kernelRegularizer, kernelConstraint, true);
    if (useBias) {
      bias = addWeight("bias", Shape.of(filters), biasInitializer, biasRegularizer, biasConstraint, true);
    }
    inputSpec(new InputSpec().ndim(rank + 2).axis(-1, in));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor x = input;
    String pad = padding;
    if (padding.equals("causal")) {
      int[][] p = new int[3][2];
      p[1][0] = dilationRate[0] * (kernelSize[0] - 1);
      x = ops.pad(x, p, 0f);
      pad = "valid";
    }
    Tensor y = groups == 1 ? ops.conv(x, ops.read(kernel), strides, pad, dilationRate) : grouped(ops, x, pad);
    if (bias != null) {
      y = ops.add(y, ops.read(bias));
    }
    return activation.apply(y);
  }

  /** Grouped convolution: each group of input channels with its slice of the filters. */
  private Tensor grouped(Ops ops, Tensor x, String pad) {
    Tensor k = ops.read(kernel);
    int inPer = (int) kernel.shape().get(rank);
    int outPer = filters / groups;
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
      parts.add(ops.conv(ops.slice(x, xb, xs), ops.slice(k, kb, ks), strides, pad, dilationRate));
    }
    return ops.concatenate(parts, -1);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    long[] out = new long[rank + 2];
    out[0] = s.get(0);
    for (int i = 0; i < rank; i++) {
      String p = padding.equals("causal") ? "same" : padding;
      out[i + 1] = ConvUtils.outputLength(s.get(i + 1), kernelSize[i], p, strides[i], dilationRate[i]);
    }
    out[rank + 1] = filters;
    return List.of(Shape.of(out));
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable bias() {
    return bias;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    c.put("kernel_size", kernelSize.clone());
    c.put("strides", strides.clone());
    c.put("padding", padding);
    c.put("data_format", "channels_last");
    c.put("dilation_rate", dilationRate.clone());
    c.put("groups", groups);
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", ser(io.keras4j.initializers.Initializers.get(kernelInitializer)));
    c.put("bias_initializer", ser(io.keras4j.initializers.Initializers.get(biasInitializer)));
    c.put("kernel_regularizer", ser(io.keras4j.regularizers.Regularizer.get(kernelRegularizer)));
    c.put("bias_regularizer", ser(io.keras4j.regularizers.Regularizer.get(biasRegularizer)));
    c.put("kernel_constraint", ser(io.keras4j.constraints.Constraint.get(kernelConstraint)));
    c.put("bias_constraint", ser(io.keras4j.constraints.Constraint.get(biasConstraint)));
    return c;
  }
}
