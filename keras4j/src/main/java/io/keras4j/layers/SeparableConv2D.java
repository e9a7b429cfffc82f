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
 * A depthwise convolution followed by a 1x1 (pointwise) convolution.
 *
 * <p>Keras equivalent: {@code keras.layers.SeparableConv2D(filters, kernel_size, strides=(1, 1),
 * padding="valid", data_format=None, dilation_rate=(1, 1), depth_multiplier=1, activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform", bias_initializer="zeros", ...)}.
 * Weights: depthwise kernel {@code (kh, kw, in, depth_multiplier)}, pointwise kernel
 * {@code (1, 1, in * depth_multiplier, filters)}, bias {@code (filters,)}.
 */
public class SeparableConv2D extends Layer {
  private final int filters;
  private final int[] kernelSize;
  private int[] strides = {1, 1};
  private String padding = "valid";
  private int depthMultiplier = 1;
  private int[] dilationRate = {1, 1};
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Object depthwiseInitializer = "glorot_uniform";
  private Object pointwiseInitializer = "glorot_uniform";
  private Variable depthwise;
  private Variable pointwise;
  private Variable bias;

  public SeparableConv2D(int filters, int... kernelSize) {
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=" + filters);
    }
    this.filters = filters;
    this.kernelSize = ConvUtils.tuple("kernel_size", 2, kernelSize);
  }

  /** Sets the strides (Keras' {@code strides=}). Default (1, 1). */
  public SeparableConv2D strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = ConvUtils.tuple("strides", 2, strides);
    return this;
  }

  /** Sets "valid" or "same" (Keras' {@code padding=}). Default "valid". */
  public SeparableConv2D padding(String padding) {
    checkNotBuilt("padding");
    this.padding = ConvUtils.padding(padding, false);
    return this;
  }

  /** Sets the depthwise filters per input channel (Keras' {@code depth_multiplier=}). Default 1. */
  public SeparableConv2D depthMultiplier(int m) {
    checkNotBuilt("depth_multiplier");
    this.depthMultiplier = m;
    return this;
  }

  /** Sets the dilation rate (Keras' {@code dilation_rate=}). Default (1, 1). */
  public SeparableConv2D dilationRate(int... rate) {
    checkNotBuilt("dilation_rate");
    this.dilationRate = ConvUtils.tuple("dilation_rate", 2, rate);
    return this;
  }

  /** Sets the activation (Keras' {@code activation=}). Default linear. */
  public SeparableConv2D activation(Object activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return this;
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public SeparableConv2D useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return this;
  }

  /** Sets the depthwise kernel's initializer (Keras' {@code depthwise_initializer=}). Default "glorot_uniform". */
  public SeparableConv2D depthwiseInitializer(Object init) {
    checkNotBuilt("depthwise_initializer");
    this.depthwiseInitializer = init;
    return this;
  }

  /** Sets the pointwise kernel's initializer (Keras' {@code pointwise_initializer=}). Default "glorot_uniform". */
  public SeparableConv2D pointwiseInitializer(Object init) {
    checkNotBuilt("pointwise_initializer");
    this.pointwiseInitializer = init;
    return this;
  }

  /** Only "channels_last" is supported (Keras' {@code data_format=}). */
  public SeparableConv2D dataFormat(String dataFormat) {
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
    depthwise = addWeight("depthwise_kernel", Shape.of(kernelSize[0], kernelSize[1], in, depthMultiplier),
        depthwiseInitializer, null, null, true);
    pointwise = addWeight("pointwise_kernel", Shape.of(1, 1, in * depthMultiplier, filters), pointwiseInitializer,
        null, null, true);
    if (useBias) {
      bias = addWeight("bias", Shape.of(filters), "zeros", null, null, true);
    }
    inputSpec(new InputSpec().ndim(4).axis(-1, in));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor d = ops.depthwiseConv(input, ops.read(depthwise), strides, padding, dilationRate);
    Tensor y = ops.conv(d, ops.read(pointwise), new int[] {1, 1}, "valid", new int[] {1, 1});
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
        filters));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
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
