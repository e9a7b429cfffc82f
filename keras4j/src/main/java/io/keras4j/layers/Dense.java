package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.Map;

/**
 * A densely connected layer: {@code activation(dot(input, kernel) + bias)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Dense(units, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}. Kernel shape {@code (input_dim, units)}.
 * <pre>{@code model.add(new Dense(32).activation("relu"));}</pre>
 */
public class Dense extends Layer {
  private final int units;
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

  /** A dense layer of {@code units} outputs. */
  public Dense(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. "
          + "Received: units=" + units);
    }
    this.units = units;
  }

  public int units() {
    return units;
  }

  /** Sets the activation, a name or function (Keras' {@code activation=}). Default: linear. */
  public Dense activation(Object activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return this;
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public Dense useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return this;
  }

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default "glorot_uniform". */
  public Dense kernelInitializer(Object initializer) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = io.keras4j.initializers.Initializers.get(initializer);
    return this;
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default "zeros". */
  public Dense biasInitializer(Object initializer) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = io.keras4j.initializers.Initializers.get(initializer);
    return this;
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}). Default none. */
  public Dense kernelRegularizer(Object regularizer) {
    checkNotBuilt("kernel_regularizer");
    this.kernelRegularizer = io.keras4j.regularizers.Regularizer.get(regularizer);
    return this;
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}). Default none. */
  public Dense biasRegularizer(Object regularizer) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = io.keras4j.regularizers.Regularizer.get(regularizer);
    return this;
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}). Default none. */
  public Dense kernelConstraint(Object constraint) {
    checkNotBuilt("kernel_constraint");
    this.kernelConstraint = io.keras4j.constraints.Constraint.get(constraint);
    return this;
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}). Default none. */
  public Dense biasConstraint(Object constraint) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = io.keras4j.constraints.Constraint.get(constraint);
    return this;
  }

  @Override
  public Dense inputShape(int... shape) {
    super.inputShape(shape);
    return this;
  }

  @Override
  public Dense inputDim(int inputDim) {
    super.inputDim(inputDim);
    return this;
  }

  @Override
  public Dense name(String name) {
    super.name(name);
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    if (inputShape.rank() < 2) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected min_ndim=2, found ndim=" + inputShape.rank() + ". Full shape received: " + inputShape);
    }
    long inputDim = inputShape.get(-1);
    if (inputDim < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': the last dimension of the input must be known. "
          + "Received: input_shape=" + inputShape);
    }
    kernel = addWeight("kernel", Shape.of(inputDim, units), kernelInitializer, kernelRegularizer, kernelConstraint, true);
    if (useBias) {
      bias = addWeight("bias", Shape.of(units), biasInitializer, biasRegularizer, biasConstraint, true);
    }
    inputSpec(new InputSpec().minNdim(2).axis(-1, inputDim));
  }

  /** The kernel, shape (input_dim, units). */
  public Variable kernel() {
    return kernel;
  }

  /** The bias, shape (units,), or null without bias. */
  public Variable bias() {
    return bias;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor y = ops.dot(input, ops.read(kernel));
    if (bias != null) {
      y = ops.add(y, ops.read(bias));
    }
    return activation.apply(y);
  }

  @Override
  protected java.util.List<Shape> computeOutputShapes(java.util.List<Shape> in, java.util.List<String> dtypes) {
    return java.util.List.of(in.get(0).with(-1, units));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", ser(io.keras4j.initializers.Initializers.get(kernelInitializer)));
    c.put("bias_initializer", ser(io.keras4j.initializers.Initializers.get(biasInitializer)));
    c.put("kernel_regularizer", ser(kernelRegularizer));
    c.put("bias_regularizer", ser(biasRegularizer));
    c.put("kernel_constraint", ser(kernelConstraint));
    c.put("bias_constraint", ser(biasConstraint));
    return c;
  }
}
