package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Convolves each input channel with its own {@code depthMultiplier} filters over 1 spatial axis/axes.
 *
 * <p>Keras equivalent: {@code keras.layers.DepthwiseConv1D(kernel_size, strides=1, padding="valid",
 * depth_multiplier=1, data_format=None, dilation_rate=1, activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", bias_initializer="zeros", depthwise_regularizer=None,
 * bias_regularizer=None, activity_regularizer=None, depthwise_constraint=None, bias_constraint=None)}. Kernel shape
 * {@code (*kernel_size, in_channels, depth_multiplier)}; output channels {@code in_channels * depth_multiplier}.
 * <pre>{@code model.add(new DepthwiseConv1D(3).depthMultiplier(2).padding("same"));}</pre>
 */
public class DepthwiseConv1D extends BaseDepthwiseConv<DepthwiseConv1D> {
  private Variable kernel;

  /** A depthwise convolution of {@code kernelSize} (one int for every axis, or one per axis). */
  public DepthwiseConv1D(int... kernelSize) {
    super(1, kernelSize, "depthwise");
  }

  @Override
  protected void build(Shape inputShape) {
    long in = checkInput(inputShape);
    checkStridesWithDilation();
    kernel = addDepthwiseKernel("kernel", in);
    addBias(in * depthMultiplier());
    inputSpec(new InputSpec().ndim(1 + 2).axis(-1, in));
  }

  /** The depthwise kernel, shape {@code (*kernel_size, in_channels, depth_multiplier)}; null before building. */
  public Variable kernel() {
    return kernel;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return biasAndActivation(ops, depthwise(ops, input, ops.read(kernel)));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    long c = in.get(0).get(-1);
    return List.of(outputShape(in.get(0), c < 0 ? -1 : c * depthMultiplier()));
  }

  /** A DepthwiseConv1D from its Keras config (Keras' {@code DepthwiseConv1D.from_config}). */
  public static DepthwiseConv1D fromConfig(Map<String, Object> config) {
    Config c = new Config("DepthwiseConv1D", config);
    return new DepthwiseConv1D(c.ints("kernel_size", null)).applyConfig(c);
  }
}
