package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * A depthwise convolution over 1 spatial axis/axes followed by a pointwise (size 1) convolution to
 * {@code filters} channels.
 *
 * <p>Keras equivalent: {@code keras.layers.SeparableConv1D(filters, kernel_size, strides=1, padding="valid",
 * data_format=None, dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True,
 * depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform", bias_initializer="zeros",
 * depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
 * depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None)}. Weights: depthwise kernel
 * {@code (*kernel_size, in, depth_multiplier)}, pointwise kernel {@code (1, ..., in * depth_multiplier, filters)},
 * bias {@code (filters,)}.
 * <pre>{@code model.add(new SeparableConv1D(32, 3).activation("relu"));}</pre>
 */
public class SeparableConv1D extends BaseDepthwiseConv<SeparableConv1D> {
  private final int filters;
  private Variable depthwiseKernel;
  private Variable pointwiseKernel;

  /** {@code filters} output channels from a depthwise kernel of {@code kernelSize} (one int, or one per axis). */
  public SeparableConv1D(int filters, int... kernelSize) {
    super(1, kernelSize, "depthwise", "pointwise");
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=" + filters);
    }
    this.filters = filters;
  }

  /** The number of output channels (Keras' {@code filters}). */
  public int filters() {
    return filters;
  }

  /** Sets the pointwise kernel's initializer (Keras' {@code pointwise_initializer=}). Default GlorotUniform. */
  public SeparableConv1D pointwiseInitializer(Initializer initializer) {
    return setInitializer("pointwise", initializer);
  }

  /** Sets the pointwise kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public SeparableConv1D pointwiseInitializer(String initializer) {
    return pointwiseInitializer(Initializers.get(initializer));
  }

  /** Sets the pointwise kernel's regularizer (Keras' {@code pointwise_regularizer=}); null for none. Default none. */
  public SeparableConv1D pointwiseRegularizer(Regularizer regularizer) {
    return setRegularizer("pointwise", regularizer);
  }

  /** Sets the pointwise kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public SeparableConv1D pointwiseRegularizer(String regularizer) {
    return pointwiseRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the pointwise kernel's constraint (Keras' {@code pointwise_constraint=}); null for none. Default none. */
  public SeparableConv1D pointwiseConstraint(Constraint constraint) {
    return setConstraint("pointwise", constraint);
  }

  /** Sets the pointwise kernel's constraint by name ("max_norm", "non_neg", ...). Default none. */
  public SeparableConv1D pointwiseConstraint(String constraint) {
    return pointwiseConstraint(Constraint.get(constraint));
  }

  @Override
  protected void build(Shape inputShape) {
    long in = checkInput(inputShape);
    checkStridesWithDilation();
    depthwiseKernel = addDepthwiseKernel("depthwise_kernel", in);
    long[] p = new long[1 + 2];
    java.util.Arrays.fill(p, 1);
    p[1] = in * depthMultiplier();
    p[1 + 1] = filters;
    pointwiseKernel = addKernel("pointwise", "pointwise_kernel", Shape.of(p));
    addBias(filters);
    inputSpec(new InputSpec().ndim(1 + 2).axis(-1, in));
  }

  /** The depthwise kernel; null before building. */
  public Variable depthwiseKernel() {
    return depthwiseKernel;
  }

  /** The pointwise kernel; null before building. */
  public Variable pointwiseKernel() {
    return pointwiseKernel;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor d = depthwise(ops, input, ops.read(depthwiseKernel));
    int[] ones = ConvUtils.repeat(1, 1);
    return biasAndActivation(ops, ops.conv(d, ops.read(pointwiseKernel), ones, "valid", ones));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(outputShape(in.get(0), filters));
  }

  @Override
  protected void addOwnConfig(Map<String, Object> config) {
    super.addOwnConfig(config);
    config.put("filters", filters);
  }

  /** A SeparableConv1D from its Keras config (Keras' {@code SeparableConv1D.from_config}). */
  public static SeparableConv1D fromConfig(Map<String, Object> config) {
    Config c = new Config("SeparableConv1D", config);
    return new SeparableConv1D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
