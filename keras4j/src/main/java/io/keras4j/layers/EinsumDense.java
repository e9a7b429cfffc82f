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
import io.keras4j.initializers.VarianceScaling;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dense layer of any rank, written as an einsum: {@code activation(einsum(equation, input, kernel) + bias)}.
 *
 * <p>Keras equivalent: {@code keras.layers.EinsumDense(equation, output_shape, activation=None, bias_axes=None,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
 * kernel_constraint=None, bias_constraint=None, lora_rank=None, lora_alpha=None, quantization_config=None)}
 * (keras/src/layers/core/einsum_dense.py). The equation is {@code ab,bc->ac}, {@code ...ab,bc->...ac} or
 * {@code ab...,bc->ac...}; {@code output_shape} omits the batch axis, -1 meaning None (a size the input gives).
 * The kernel's shape follows its letters; the bias covers the output axes from the first of {@code bias_axes} on.
 * A variance-scaling kernel initializer counts its fans over the kernel's input and output axes, as Keras' build.
 * LoRA and quantization are not supported: a non-zero {@code lora_rank} and a {@code quantization_config} are
 * refused.
 * <pre>{@code new EinsumDense("abc,cd->abd", -1, 64).biasAxes("d")  // (batch, seq, 32) -> (batch, seq, 64)}</pre>
 */
public class EinsumDense extends BaseLayer<EinsumDense> {
  private final String equation;
  private final long[] partialOutputShape;
  private ActivationFunction activation = Activations.get("linear");
  private String biasAxes;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = new Zeros();
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
  private Variable kernel;
  private Variable bias;

  /**
   * An einsum dense layer: {@code equation} (Keras' {@code equation}) and the output shape without the batch axis,
   * -1 for None (Keras' {@code output_shape}).
   */
  public EinsumDense(String equation, int... outputShape) {
    if (equation == null) {
      throw new IllegalArgumentException("EinsumDense: argument `equation` must not be null");
    }
    EinsumShapes.checkForm(equation);
    if (outputShape == null || outputShape.length == 0) {
      throw new IllegalArgumentException("EinsumDense: argument `output_shape` must name at least one size. "
          + "Received: output_shape=" + java.util.Arrays.toString(outputShape));
    }
    this.equation = equation;
    this.partialOutputShape = new long[outputShape.length];
    for (int i = 0; i < outputShape.length; i++) {
      if (outputShape[i] <= 0 && outputShape[i] != -1) {
        throw new IllegalArgumentException("EinsumDense: output_shape sizes must be positive or -1 (None). "
            + "Received: output_shape=" + java.util.Arrays.toString(outputShape));
      }
      this.partialOutputShape[i] = outputShape[i];
    }
  }

  public String equation() {
    return equation;
  }

  /** Sets the activation by Keras name, such as "relu" (Keras' {@code activation=}). Default: "linear". */
  public EinsumDense activation(String activation) {
    return activation(Activations.get(activation));
  }

  /** Sets the activation function (Keras' {@code activation=}). Default: linear. */
  public EinsumDense activation(ActivationFunction activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return this;
  }

  /** Sets the output letters that get a bias, such as "d"; null for no bias (Keras' {@code bias_axes=}). Default none. */
  public EinsumDense biasAxes(String biasAxes) {
    checkNotBuilt("bias_axes");
    this.biasAxes = biasAxes;
    return this;
  }

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default {@code GlorotUniform}. */
  public EinsumDense kernelInitializer(Initializer initializer) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = require(initializer, "kernel_initializer");
    return this;
  }

  /** Sets the kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public EinsumDense kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default {@code Zeros}. */
  public EinsumDense biasInitializer(Initializer initializer) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = require(initializer, "bias_initializer");
    return this;
  }

  /** Sets the bias' initializer by name. Default "zeros". */
  public EinsumDense biasInitializer(String initializer) {
    return biasInitializer(Initializers.get(initializer));
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}); null for none. Default none. */
  public EinsumDense kernelRegularizer(Regularizer regularizer) {
    checkNotBuilt("kernel_regularizer");
    this.kernelRegularizer = regularizer;
    return this;
  }

  /** Sets the kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public EinsumDense kernelRegularizer(String regularizer) {
    return kernelRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}); null for none. Default none. */
  public EinsumDense biasRegularizer(Regularizer regularizer) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = regularizer;
    return this;
  }

  /** Sets the bias' regularizer by name. Default none. */
  public EinsumDense biasRegularizer(String regularizer) {
    return biasRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}); null for none. Default none. */
  public EinsumDense kernelConstraint(Constraint constraint) {
    checkNotBuilt("kernel_constraint");
    this.kernelConstraint = constraint;
    return this;
  }

  /** Sets the kernel's constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public EinsumDense kernelConstraint(String constraint) {
    return kernelConstraint(Constraint.get(constraint));
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}); null for none. Default none. */
  public EinsumDense biasConstraint(Constraint constraint) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = constraint;
    return this;
  }

  /** Sets the bias' constraint by name. Default none. */
  public EinsumDense biasConstraint(String constraint) {
    return biasConstraint(Constraint.get(constraint));
  }

  /**
   * Keras' {@code lora_rank=}: keras4j has no LoRA, so only 0 (Keras' None, the default) is accepted.
   *
   * @throws IllegalArgumentException for any other rank
   */
  public EinsumDense loraRank(int loraRank) {
    if (loraRank != 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': LoRA is not supported by keras4j's EinsumDense. "
          + "Expected lora_rank=None. Received: lora_rank=" + loraRank);
    }
    return this;
  }

  private EinsumShapes shapes(Shape inputShape) {
    return EinsumShapes.analyze(equation, biasAxes, inputShape.dims(), partialOutputShape);
  }

  @Override
  protected void build(Shape inputShape) {
    EinsumShapes s = shapes(inputShape);
    Initializer init = kernelInitializer;
    if (init instanceof VarianceScaling) {
      // Keras' _update_kernel_initializer: the fans over the kernel's input and output axes, on a copy
      VarianceScaling copy = (VarianceScaling) Initializers.get(ser(init));
      Map<String, Object> c = init.getConfig();
      if (c.get("input_axes") == null || c.get("output_axes") == null) {
        init = copy.inputAxes(s.inputAxes).outputAxes(s.outputAxes);
      }
    }
    for (long d : s.kernelShape) {
      if (d < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': the kernel's sizes must be known; equation '"
            + equation + "' gives kernel shape " + Shape.of(s.kernelShape) + " for input shape " + inputShape);
      }
    }
    kernel = addWeight("kernel", Shape.of(s.kernelShape), init, kernelRegularizer, kernelConstraint, true);
    if (s.biasShape != null) {
      bias = addWeight("bias", Shape.of(s.biasShape), biasInitializer, biasRegularizer, biasConstraint, true);
    }
    inputSpec(new InputSpec().ndim(inputShape.rank()));
  }

  /** The kernel, whose axes follow the equation's weight letters. */
  public Variable kernel() {
    return kernel;
  }

  /** The bias, or null without {@code bias_axes}. */
  public Variable bias() {
    return bias;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor y = ops.einsum(equation, input, ops.read(kernel));
    if (bias != null) {
      y = ops.add(y, ops.read(bias));
    }
    return activation.apply(y);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(Shape.of(shapes(in.get(0)).outputShape));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    List<Object> out = new ArrayList<>();
    for (long d : partialOutputShape) {
      out.add(d < 0 ? null : (Object) (int) d);
    }
    c.put("output_shape", out);
    c.put("equation", equation);
    c.put("activation", activation.name());
    c.put("bias_axes", biasAxes);
    c.put("kernel_initializer", ser(kernelInitializer));
    c.put("bias_initializer", ser(biasInitializer));
    c.put("kernel_regularizer", ser(kernelRegularizer));
    c.put("bias_regularizer", ser(biasRegularizer));
    c.put("activity_regularizer", ser(activityRegularizer()));
    c.put("kernel_constraint", ser(kernelConstraint));
    c.put("bias_constraint", ser(biasConstraint));
    c.put("quantization_config", null);
    return c;
  }

  /**
   * An EinsumDense layer from its Keras config (Keras' {@code EinsumDense.from_config}); a LoRA or quantized layer
   * ({@code lora_rank} or {@code quantization_config} set) is refused.
   */
  public static EinsumDense fromConfig(Map<String, Object> config) {
    Config c = new Config("EinsumDense", config);
    if (c.has("quantization_config")) {
      throw new IllegalArgumentException("EinsumDense: quantized layers are not supported. Expected "
          + "quantization_config=null. Received: quantization_config=" + c.get("quantization_config"));
    }
    Object shape = c.get("output_shape");
    int[] outputShape;
    if (shape instanceof List<?> l) {
      outputShape = new int[l.size()];
      for (int i = 0; i < outputShape.length; i++) {
        outputShape[i] = l.get(i) == null ? -1 : ((Number) l.get(i)).intValue();
      }
    } else {
      outputShape = new int[] {c.integer("output_shape")};
    }
    EinsumDense d = new EinsumDense(c.string("equation", null), outputShape)
        .activation(c.identifier("activation", "linear"))
        .biasAxes(c.string("bias_axes", null))
        .kernelRegularizer(Regularizer.get(c.get("kernel_regularizer")))
        .biasRegularizer(Regularizer.get(c.get("bias_regularizer")))
        .kernelConstraint(Constraint.get(c.get("kernel_constraint")))
        .biasConstraint(Constraint.get(c.get("bias_constraint")));
    Integer lora = c.optionalInteger("lora_rank");
    if (lora != null) {
      d.loraRank(lora);
    }
    if (c.has("kernel_initializer")) {
      d.kernelInitializer(Initializers.get(c.get("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      d.biasInitializer(Initializers.get(c.get("bias_initializer")));
    }
    return withBaseConfig(d, c);
  }
}
