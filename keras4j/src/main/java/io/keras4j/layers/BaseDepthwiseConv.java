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
import java.util.Map;

/**
 * The base of the depthwise and separable convolutions: each input channel convolved with its own
 * {@code depth_multiplier} filters, over 1 or 2 spatial axes, channels-last.
 *
 * <p>Keras equivalent: the {@code depth_multiplier=1}, {@code depthwise_initializer="glorot_uniform"},
 * {@code depthwise_regularizer=None} and {@code depthwise_constraint=None} arguments of
 * {@code keras.src.layers.convolutional.base_depthwise_conv.BaseDepthwiseConv} and
 * {@code base_separable_conv.BaseSeparableConv}. Depthwise kernel shape {@code (*kernel_size, in_channels,
 * depth_multiplier)}.
 * <pre>{@code new DepthwiseConv2D(3).depthMultiplier(2).depthwiseInitializer("he_normal")}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseDepthwiseConv<T extends BaseDepthwiseConv<T>> extends BaseConv<T> {
  private int depthMultiplier = 1;

  /** A depthwise convolution whose kernels carry Keras' prefixes {@code kernelNames} ("depthwise" first). */
  protected BaseDepthwiseConv(int rank, int[] kernelSize, String... kernelNames) {
    super(rank, kernelSize, kernelNames);
  }

  /** Sets the filters per input channel (Keras' {@code depth_multiplier=}). Default 1. */
  public T depthMultiplier(int depthMultiplier) {
    checkNotBuilt("depth_multiplier");
    if (depthMultiplier <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `depth_multiplier`. Expected a strictly "
          + "positive value. Received depth_multiplier=" + depthMultiplier);
    }
    this.depthMultiplier = depthMultiplier;
    return self();
  }

  /** The filters per input channel (Keras' {@code depth_multiplier}). */
  public int depthMultiplier() {
    return depthMultiplier;
  }

  /** Sets the depthwise kernel's initializer (Keras' {@code depthwise_initializer=}). Default GlorotUniform. */
  public T depthwiseInitializer(Initializer initializer) {
    return setInitializer("depthwise", initializer);
  }

  /** Sets the depthwise kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public T depthwiseInitializer(String initializer) {
    return depthwiseInitializer(Initializers.get(initializer));
  }

  /** Sets the depthwise kernel's regularizer (Keras' {@code depthwise_regularizer=}); null for none. Default none. */
  public T depthwiseRegularizer(Regularizer regularizer) {
    return setRegularizer("depthwise", regularizer);
  }

  /** Sets the depthwise kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T depthwiseRegularizer(String regularizer) {
    return depthwiseRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the depthwise kernel's constraint (Keras' {@code depthwise_constraint=}); null for none. Default none. */
  public T depthwiseConstraint(Constraint constraint) {
    return setConstraint("depthwise", constraint);
  }

  /** Sets the depthwise kernel's constraint by name ("max_norm", "non_neg", ...). Default none. */
  public T depthwiseConstraint(String constraint) {
    return depthwiseConstraint(Constraint.get(constraint));
  }

  /** Adds the depthwise kernel, named {@code weightName}, for {@code in} input channels. */
  protected final Variable addDepthwiseKernel(String weightName, long in) {
    long[] k = new long[rank() + 2];
    for (int i = 0; i < rank(); i++) {
      k[i] = kernelSize()[i];
    }
    k[rank()] = in;
    k[rank() + 1] = depthMultiplier;
    return addKernel("depthwise", weightName, Shape.of(k));
  }

  /** The depthwise convolution of {@code x} with {@code kernel}; 1-D runs as 2-D over a unit axis. */
  protected final Tensor depthwise(Ops ops, Tensor x, Tensor kernel) {
    if (rank() == 1) {
      Tensor y = ops.depthwiseConv(ops.expandDims(x, 1), ops.expandDims(kernel, 0),
          new int[] {1, stridesValue()[0]}, paddingValue(), new int[] {1, dilationRateValue()[0]});
      return ops.squeeze(y, 1);
    }
    return ops.depthwiseConv(x, kernel, stridesValue(), paddingValue(), dilationRateValue());
  }

  /** The output shape for input {@code s} with {@code channels} output channels (-1 when unknown). */
  protected final Shape outputShape(Shape s, long channels) {
    long[] sp = outputSpatial(s, paddingValue());
    long[] out = new long[rank() + 2];
    out[0] = s.get(0);
    System.arraycopy(sp, 0, out, 1, sp.length);
    out[rank() + 1] = channels;
    return Shape.of(out);
  }

  @Override
  protected void addOwnConfig(Map<String, Object> config) {
    config.put("depth_multiplier", depthMultiplier);
  }

  @Override
  protected T applyConfig(Config c) {
    depthMultiplier(c.integer("depth_multiplier", 1));
    return super.applyConfig(c);
  }
}
