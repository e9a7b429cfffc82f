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
 * Convolves each input channel with its own {@code depthMultiplier} filters.
 *
 * <p>Keras equivalent: {@code keras.layers.DepthwiseConv2D(kernel_size, strides=(1, 1), padding="valid",
 * depth_multiplier=1, data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", bias_initializer="zeros", ...)}. Kernel shape
 * {@code (kh, kw, in_channels, depth_multiplier)}; output channels {@code in_channels * depth_multiplier}.
 */
public class DepthwiseConv2D extends Layer {
  private final int[] kernelSize;
  private int[] strides = {1, 1};
  private String padding = "valid";
  private int depthMultiplier = 1;
  private int[] dilationRate = {1, 1};
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Object depthwiseInitializer = "glorot_uniform";
  private Object biasInitializer = "zeros";
  private Variable kernel;
  private Variable bias;
  private long outChannels;

  public DepthwiseConv2D(int... kernelSize) {
    this.kernelSize = ConvUtils.tuple("kernel_size", 2, kernelSize);
  }

  /** Sets the strides (Keras' {@code strides=}). Default (1, 1). */
  public DepthwiseConv2D strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = ConvUtils.tuple("strides", 2, strides);
    return this;
  }

  /** Sets "valid" or "same" (Keras' {@code padding=}). Default "valid". */
  public DepthwiseConv2D padding(String padding) {
    checkNotBuilt("padding");
    this.padding = ConvUtils.padding(padding, false);
    return this;
  }

  /** Sets the filters per input channel (Keras' {@code depth_multiplier=}). Default 1. */
  public DepthwiseConv2D depthMultiplier(int m) {
    checkNotBuilt("depth_multiplier");
    if (m <= 0) {
      throw new IllegalArgumentException("depth_multiplier must be positive. Received: depth_multiplier=" + m);
    }
    this.depthMultiplier = m;
    return this;
  }

  /** Sets the dilation rate (Keras' {@code dilation_rate=}). Default (1, 1). */
  public DepthwiseConv2D dilationRate(int... rate) {
    checkNotBuilt("dilation_rate");
    this.dilationRate = ConvUtils.tuple("dilation_rate", 2, rate);
    return this;
  }

  /** Sets the activation (Keras' {@code activation=}). Default linear. */
  public DepthwiseConv2D activation(Object activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return this;
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public DepthwiseConv2D useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return this;
  }

  /** Sets the kernel's initializer (Keras' {@code depthwise_initializer=}). Default "glorot_uniform". */
  public DepthwiseConv2D depthwiseInitializer(Object init) {
    checkNotBuilt("depthwise_initializer");
    this.depthwiseInitializer = init;
    return this;
  }

  /** Only "channels_last" is supported (Keras' {@code data_format=}). */
  public DepthwiseConv2D dataFormat(String dataFormat) {
    ConvUtils.channelsLast(dataFormat);
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    if (inputShape.rank() != 4 || inputShape.get(-1) < 0) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected ndim=4 with known channels. Full shape received: " + inputShape);
    }
    long in = inputShape.get(-1);
    outChannels = in * depthMultiplier;
    kernel = addWeight("kernel", Shape.of(kernelSize[0], kernelSize[1], in, depthMultiplier), depthwiseInitializer,
        null, null, true);
    if (useBias) {
      bias = addWeight("bias", Shape.of(outChannels), biasInitializer, null, null, true);
    }
    inputSpec(new InputSpec().ndim(4).axis(-1, in));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor y = ops.depthwiseConv(input, ops.read(kernel), strides, padding, dilationRate);
    if (bias != null) {
      y = ops.add(y, ops.read(bias));
    }
    return activation.apply(y);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    return List.of(Shape.of(s.get(0), ConvUtils.outputLength(s.get(1), kernelSize[0], padding, strides[0],
        dilationRate[0]), ConvUtils.outputLength(s.get(2), kernelSize[1], padding, strides[1], dilationRate[1]),
        s.get(3) < 0 ? -1 : s.get(3) * depthMultiplier));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("kernel_size", kernelSize.clone());
    c.put("strides", strides.clone());
    c.put("padding", padding);
    c.put("depth_multiplier", depthMultiplier);
    c.put("data_format", "channels_last");
    c.put("dilation_rate", dilationRate.clone());
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    return c;
  }
}
