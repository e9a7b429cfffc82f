package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import java.util.List;
import java.util.Map;

/**
 * The separable convolutions' common part: a depthwise convolution followed by a pointwise (size 1) convolution to
 * {@code filters} channels, with the {@code pointwise_*} setters.
 *
 * <p>Keras equivalent: {@code keras.src.layers.convolutional.base_separable_conv.BaseSeparableConv}.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseSeparableConv<T extends BaseSeparableConv<T>> extends BaseDepthwiseConv<T> {
  private final int rank;
  private final int filters;
  private Variable depthwiseKernel;
  private Variable pointwiseKernel;

  /** {@code filters} output channels over {@code rank} spatial axes, depthwise kernel {@code kernelSize}. */
  protected BaseSeparableConv(int rank, int filters, int[] kernelSize) {
    super(rank, kernelSize, "depthwise", "pointwise");
    if (filters <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': invalid value for argument `filters`. Expected a "
          + "strictly positive value. Received filters=" + filters);
    }
    this.rank = rank;
    this.filters = filters;
  }

  /** The number of output channels (Keras' {@code filters}). */
  public int filters() {
    return filters;
  }

  /** Sets the pointwise kernel's initializer (Keras' {@code pointwise_initializer=}). Default GlorotUniform. */
  public T pointwiseInitializer(Initializer initializer) {
    return setInitializer("pointwise", initializer);
  }

  /** Sets the pointwise kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public T pointwiseInitializer(String initializer) {
    return pointwiseInitializer(Initializers.get(initializer));
  }

  /** Sets the pointwise kernel's regularizer (Keras' {@code pointwise_regularizer=}); null for none. Default none. */
  public T pointwiseRegularizer(Regularizer regularizer) {
    return setRegularizer("pointwise", regularizer);
  }

  /** Sets the pointwise kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T pointwiseRegularizer(String regularizer) {
    return pointwiseRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the pointwise kernel's constraint (Keras' {@code pointwise_constraint=}); null for none. Default none. */
  public T pointwiseConstraint(Constraint constraint) {
    return setConstraint("pointwise", constraint);
  }

  /** Sets the pointwise kernel's constraint by name ("max_norm", "non_neg", ...). Default none. */
  public T pointwiseConstraint(String constraint) {
    return pointwiseConstraint(Constraint.get(constraint));
  }

  @Override
  protected void build(Shape inputShape) {
    long in = checkInput(inputShape);
    checkStridesWithDilation();
    depthwiseKernel = addDepthwiseKernel("depthwise_kernel", in);
    long[] p = new long[rank + 2];
    java.util.Arrays.fill(p, 1);
    p[rank] = in * depthMultiplier();
    p[rank + 1] = filters;
    pointwiseKernel = addKernel("pointwise", "pointwise_kernel", Shape.of(p));
    addBias(filters);
    inputSpec(new InputSpec().ndim(rank + 2).axis(-1, in));
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
    int[] ones = ConvUtils.repeat(1, rank);
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
}
