package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A densely connected layer: {@code activation(dot(input, kernel) + bias)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Dense(units, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", ...)}. Kernel shape {@code (input_dim, units)}.
 * <pre>{@code model.add(new Dense(32).activation("relu"));}</pre>
 */
public class Dense extends BaseLayer<Dense> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final int units;
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = new Zeros();
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
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

  /** Sets the activation by Keras name, such as "relu" (Keras' {@code activation=}). Default: "linear". */
  public Dense activation(String activation) {
    return activation(Activations.get(activation));
  }

  /** Sets the activation function (Keras' {@code activation=}). Default: linear. */
  public Dense activation(ActivationFunction activation) {
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

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default {@code GlorotUniform}. */
  public Dense kernelInitializer(Initializer initializer) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = require(initializer, "kernel_initializer");
    return this;
  }

  /** Sets the kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public Dense kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default {@code Zeros}. */
  public Dense biasInitializer(Initializer initializer) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = require(initializer, "bias_initializer");
    return this;
  }

  /** Sets the bias' initializer by name. Default "zeros". */
  public Dense biasInitializer(String initializer) {
    return biasInitializer(Initializers.get(initializer));
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}); null for none. Default none. */
  public Dense kernelRegularizer(Regularizer regularizer) {
    checkNotBuilt("kernel_regularizer");
    this.kernelRegularizer = regularizer;
    return this;
  }

  /** Sets the kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public Dense kernelRegularizer(String regularizer) {
    return kernelRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}); null for none. Default none. */
  public Dense biasRegularizer(Regularizer regularizer) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = regularizer;
    return this;
  }

  /** Sets the bias' regularizer by name. Default none. */
  public Dense biasRegularizer(String regularizer) {
    return biasRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}); null for none. Default none. */
  public Dense kernelConstraint(Constraint constraint) {
    checkNotBuilt("kernel_constraint");
    this.kernelConstraint = constraint;
    return this;
  }

  /** Sets the kernel's constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public Dense kernelConstraint(String constraint) {
    return kernelConstraint(Constraint.get(constraint));
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}); null for none. Default none. */
  public Dense biasConstraint(Constraint constraint) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = constraint;
    return this;
  }

  /** Sets the bias' constraint by name. Default none. */
  public Dense biasConstraint(String constraint) {
    return biasConstraint(Constraint.get(constraint));
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
    c.put("kernel_initializer", ser(kernelInitializer));
    c.put("bias_initializer", ser(biasInitializer));
    c.put("kernel_regularizer", ser(kernelRegularizer));
    c.put("bias_regularizer", ser(biasRegularizer));
    c.put("kernel_constraint", ser(kernelConstraint));
    c.put("bias_constraint", ser(biasConstraint));
    c.put("quantization_config", null);
    return c;
  }

  /**
   * A Dense layer from its Keras config (Keras' {@code Dense.from_config}); a quantized layer
   * ({@code quantization_config} not null) is refused.
   */
  public static Dense fromConfig(Map<String, Object> config) {
    Config c = new Config("Dense", config);
    if (c.has("quantization_config")) {
      throw new IllegalArgumentException("Dense: quantized layers are not supported. Expected quantization_config="
          + "null. Received: quantization_config=" + c.get("quantization_config"));
    }
    Dense d = new Dense(c.integer("units")).activation(c.identifier("activation", "linear"))
        .useBias(c.bool("use_bias", true))
        .kernelRegularizer(Regularizer.get(c.get("kernel_regularizer")))
        .biasRegularizer(Regularizer.get(c.get("bias_regularizer")))
        .kernelConstraint(Constraint.get(c.get("kernel_constraint")))
        .biasConstraint(Constraint.get(c.get("bias_constraint")));
    if (c.has("kernel_initializer")) {
      d.kernelInitializer(Initializers.get(c.get("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      d.biasInitializer(Initializers.get(c.get("bias_initializer")));
    }
    return withBaseConfig(d, c);
  }
}
