package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;

/**
 * The base of Conv1DTranspose and Conv2DTranspose: the gradient of a convolution with respect to its input.
 *
 * <p>Keras equivalent: {@code keras.src.layers.convolutional.base_conv_transpose.BaseConvTranspose(rank, filters,
 * kernel_size, strides=1, padding="valid", output_padding=None, data_format=None, dilation_rate=1,
 * activation=None, use_bias=True, ...)}. Kernel shape {@code (*kernel_size, filters, in_channels)}.
 * Porting note: output_padding is not supported.
 */
public abstract class BaseConvTranspose<T extends BaseConvTranspose<T>> extends Layer {
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
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Object kernelInitializer = "glorot_uniform";
  private Object biasInitializer = "zeros";
  private Variable kernel;
  private Variable bias;

  protected BaseConvTranspose(int rank, int filters, int... kernelSize) {
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

  /** Sets the strides (Keras' {@code strides=}). Default 1. */
  public T strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = ConvUtils.tuple("strides", rank, strides);
    return self();
  }

  /** Sets "valid" or "same" (Keras' {@code padding=}). Default "valid". */
  public T padding(String padding) {
    checkNotBuilt("padding");
    this.padding = ConvUtils.padding(padding, false);
    return self();
  }

  /** Sets the dilation rate (Keras' {@code dilation_rate=}). Default 1. */
  public T dilationRate(int... rate) {
    checkNotBuilt("dilation_rate");
    this.dilationRate = ConvUtils.tuple("dilation_rate", rank, rate);
    return self();
  }

  /** Only "channels_last" is supported (Keras' {@code data_format=}). */
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

  @Override
  protected void build(Shape inputShape) {
    if (inputShape.rank() != rank + 2 || inputShape.get(-1) < 0) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected ndim=" + (rank + 2) + " with known channels. Full shape received: " + inputShape);
    }
    for (int i = 1; i <= rank; i++) {
      if (inputShape.get(i) < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "' needs known spatial dimensions. Received: "
            + inputShape);
      }
    }
    long[] k = new long[rank + 2];
    for (int i = 0; i < rank; i++) {
      k[i] = kernelSize[i];
    }
    k[rank] = filters;
    k[rank + 1] = inputShape.get(-1);
    kernel = addWeight("kernel", Shape.of(k), kernelInitializer, null, null, true);
    if (useBias) {
      bias = addWeight("bias", Shape.of(filters), biasInitializer, null, null, true);
    }
    inputSpec(new InputSpec().ndim(rank + 2).axis(-1, inputShape.get(-1)));
  }

  private int[] outputSpatial(Shape in) {
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = (int) ConvUtils.transposeLength(in.get(i + 1), kernelSize[i], padding, strides[i], dilationRate[i]);
    }
    return out;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor y = ops.convTranspose(input, ops.read(kernel), outputSpatial(input.shape()), strides, padding,
        dilationRate);
    if (bias != null) {
      y = ops.add(y, ops.read(bias));
    }
    return activation.apply(y);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    int[] sp = outputSpatial(s);
    long[] out = new long[rank + 2];
    out[0] = s.get(0);
    for (int i = 0; i < rank; i++) {
      out[i + 1] = sp[i];
    }
    out[rank + 1] = filters;
    return List.of(Shape.of(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    c.put("kernel_size", kernelSize.clone());
    c.put("strides", strides.clone());
    c.put("padding", padding);
    c.put("output_padding", null);
    c.put("data_format", "channels_last");
    c.put("dilation_rate", dilationRate.clone());
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    return c;
  }
}
