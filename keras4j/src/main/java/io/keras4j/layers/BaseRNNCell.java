package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
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
 * What SimpleRNNCell, LSTMCell and GRUCell share: units, activation, a kernel (input_dim, gates * units), a
 * recurrent kernel (units, gates * units) and a bias, with their initializers, regularizers and constraints.
 *
 * <p>Keras equivalent: the common arguments of {@code keras.layers.SimpleRNNCell}, {@code LSTMCell} and
 * {@code GRUCell} (keras/src/layers/rnn/). Porting note: Keras repeats them in each class; keras4j keeps them in
 * this base so that each cell's setters still return the cell.
 *
 * @param <T> the concrete cell
 */
public abstract class BaseRNNCell<T extends BaseRNNCell<T>> extends DropoutRNNCell<T> {
  private final int units;
  private ActivationFunction activation = Activations.get("tanh");
  private boolean useBias = true;
  private Initializer kernelInitializer = Initializers.get("glorot_uniform");
  private Initializer recurrentInitializer = Initializers.get("orthogonal");
  private Initializer biasInitializer = Initializers.get("zeros");
  private Regularizer kernelRegularizer;
  private Regularizer recurrentRegularizer;
  private Regularizer biasRegularizer;
  private Constraint kernelConstraint;
  private Constraint recurrentConstraint;
  private Constraint biasConstraint;
  private Variable kernel;
  private Variable recurrentKernel;
  private Variable bias;

  protected BaseRNNCell(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `units`, expected a positive "
          + "integer, got " + units + ".");
    }
    this.units = units;
  }

  public int units() {
    return units;
  }

  /** The number of gates: columns of the kernels are {@code gates() * units}. */
  protected abstract int gates();

  /** Sets the activation by name (Keras' {@code activation=}). Default "tanh". */
  public T activation(String activation) {
    return activation(Activations.get(activation));
  }

  /** Sets the activation (Keras' {@code activation=}). Default tanh. */
  public T activation(ActivationFunction activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return self();
  }

  public ActivationFunction activation() {
    return activation;
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public T useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return self();
  }

  public boolean useBias() {
    return useBias;
  }

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default "glorot_uniform". */
  public T kernelInitializer(Initializer initializer) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = require(initializer, "kernel_initializer");
    return self();
  }

  /** Sets the kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public T kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  /** Sets the recurrent kernel's initializer (Keras' {@code recurrent_initializer=}). Default "orthogonal". */
  public T recurrentInitializer(Initializer initializer) {
    checkNotBuilt("recurrent_initializer");
    this.recurrentInitializer = require(initializer, "recurrent_initializer");
    return self();
  }

  /** Sets the recurrent kernel's initializer by name, such as "he_normal". Default "orthogonal". */
  public T recurrentInitializer(String initializer) {
    return recurrentInitializer(Initializers.get(initializer));
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default "zeros". */
  public T biasInitializer(Initializer initializer) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = require(initializer, "bias_initializer");
    return self();
  }

  /** Sets the bias' initializer by name, such as "he_normal". Default "zeros". */
  public T biasInitializer(String initializer) {
    return biasInitializer(Initializers.get(initializer));
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}); null for none. Default none. */
  public T kernelRegularizer(Regularizer regularizer) {
    checkNotBuilt("kernel_regularizer");
    this.kernelRegularizer = regularizer;
    return self();
  }

  /** Sets the kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T kernelRegularizer(String regularizer) {
    return kernelRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the recurrent kernel's regularizer (Keras' {@code recurrent_regularizer=}); null for none. Default none. */
  public T recurrentRegularizer(Regularizer regularizer) {
    checkNotBuilt("recurrent_regularizer");
    this.recurrentRegularizer = regularizer;
    return self();
  }

  /** Sets the recurrent kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T recurrentRegularizer(String regularizer) {
    return recurrentRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}); null for none. Default none. */
  public T biasRegularizer(Regularizer regularizer) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = regularizer;
    return self();
  }

  /** Sets the bias' regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T biasRegularizer(String regularizer) {
    return biasRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}); null for none. Default none. */
  public T kernelConstraint(Constraint constraint) {
    checkNotBuilt("kernel_constraint");
    this.kernelConstraint = constraint;
    return self();
  }

  /** Sets the kernel's constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public T kernelConstraint(String constraint) {
    return kernelConstraint(Constraint.get(constraint));
  }

  /** Sets the recurrent kernel's constraint (Keras' {@code recurrent_constraint=}); null for none. Default none. */
  public T recurrentConstraint(Constraint constraint) {
    checkNotBuilt("recurrent_constraint");
    this.recurrentConstraint = constraint;
    return self();
  }

  /** Sets the recurrent kernel's constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public T recurrentConstraint(String constraint) {
    return recurrentConstraint(Constraint.get(constraint));
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}); null for none. Default none. */
  public T biasConstraint(Constraint constraint) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = constraint;
    return self();
  }

  /** Sets the bias' constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public T biasConstraint(String constraint) {
    return biasConstraint(Constraint.get(constraint));
  }

  @Override
  protected void build(Shape inputShape) {
    long inputDim = inputShape.get(-1);
    if (inputDim < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': the last dimension of the inputs must be known. "
          + "Received: input_shape=" + inputShape);
    }
    kernel = addWeight("kernel", Shape.of(inputDim, (long) gates() * units), kernelInitializer, kernelRegularizer,
        kernelConstraint, true);
    recurrentKernel = addWeight("recurrent_kernel", Shape.of(units, (long) gates() * units), recurrentInitializer,
        recurrentRegularizer, recurrentConstraint, true);
    if (useBias) {
      bias = addWeight("bias", biasShape(), biasInitializerForBuild(biasInitializer), biasRegularizer, biasConstraint,
          true);
    }
  }

  /** The bias' shape; by default {@code (gates * units,)}. */
  protected Shape biasShape() {
    return Shape.of((long) gates() * units);
  }

  /** The initializer the bias is built with; by default {@code initializer} (LSTM adds its forget-gate ones). */
  protected Initializer biasInitializerForBuild(Initializer initializer) {
    return initializer;
  }

  public Initializer biasInitializer() {
    return biasInitializer;
  }

  /** The kernel, (input_dim, gates * units). */
  public Variable kernel() {
    return kernel;
  }

  /** The recurrent kernel, (units, gates * units). */
  public Variable recurrentKernel() {
    return recurrentKernel;
  }

  /** The bias, or null without one. */
  public Variable bias() {
    return bias;
  }

  /**
   * {@code inputs · kernel + bias} for the whole sequence, unless input dropout is on (its mask multiplies the
   * inputs of every step; the step then computes the product itself).
   */
  @Override
  protected Tensor projectSequence(Tensor sequences, boolean training) {
    return projectsSequence(sequences, training) ? inputProjection(sequences, training) : null;
  }

  /** keras4j's own cells of this kind, whose steps keep each row to itself. */
  private static final java.util.Set<Class<?>> OWN_CELLS = java.util.Set.of(LSTMCell.class, GRUCell.class,
      SimpleRNNCell.class);

  /**
   * Rowwise without dropout masks (drawn for the whole batch before the loop), for keras4j's own cells; a subclass of
   * the user's is not (its step may mix rows) unless it overrides this.
   */
  @Override
  protected boolean rowwise(boolean training) {
    return OWN_CELLS.contains(getClass()) && dropoutMask(training) == null && recurrentDropoutMask(training) == null;
  }

  @Override
  protected boolean projectsSequence(Tensor sequences, boolean training) {
    return dropoutMask(training) == null && sequences.rank() == 3;
  }

  @Override
  public RnnStep.Output call(Tensor inputs, List<Tensor> states, boolean training) {
    return callProjected(inputProjection(inputs, training), states, training);
  }

  /**
   * The inputs' share of every gate, {@code inputs · kernel (+ input bias)}, (..., gates * units), for one step's
   * inputs or a whole sequence; with input dropout (implementation 1) each gate's columns use the gate's mask.
   */
  protected Tensor inputProjection(Tensor inputs, boolean training) {
    Ops ops = ops();
    Tensor kernel = ops.read(kernel());
    List<Tensor> dp = dropoutMask(training);
    Tensor x;
    if (dp != null && dp.size() > 1) {
      List<Tensor> parts = new java.util.ArrayList<>();
      for (int g = 0; g < gates(); g++) {
        parts.add(ops.dot(masked(inputs, dp, g), gate(kernel, g, g + 1)));
      }
      x = ops.concatenate(parts, -1);
    } else {
      x = ops.dot(masked(inputs, dp, 0), kernel);
    }
    Tensor b = inputBias();
    return b == null ? x : ops.add(x, b);
  }

  /** The bias added to the inputs' product, or null: the bias by default. */
  protected Tensor inputBias() {
    return bias == null ? null : ops().read(bias);
  }

  /** Columns {@code [from * units, to * units)} of a (rows, gates * units) matrix or the entries of a vector. */
  protected final Tensor gate(Tensor x, int from, int to) {
    Ops ops = ops();
    int[] begin = new int[x.rank()];
    int[] size = new int[x.rank()];
    java.util.Arrays.fill(size, -1);
    begin[x.rank() - 1] = from * units;
    size[x.rank() - 1] = (to - from) * units;
    return ops.slice(x, begin, size);
  }

  /** {@code x * masks[i]} when masks are given, else x. */
  protected static Tensor masked(Tensor x, java.util.List<Tensor> masks, int i) {
    return masks == null ? x : ops().multiply(x, masks.get(i));
  }

  @Override
  public int[] stateSize() {
    return new int[] {units};
  }

  @Override
  public int outputSize() {
    return units;
  }

  /** Writes units, activation and use_bias. */
  protected final void putHead(Map<String, Object> c) {
    c.put("units", units);
    c.put("activation", activation.name());
  }

  /** Writes the initializers, regularizers and constraints in Keras' order. */
  protected final void putWeightsConfig(Map<String, Object> c, boolean withActivityRegularizer) {
    c.put("kernel_initializer", ser(kernelInitializer));
    c.put("recurrent_initializer", ser(recurrentInitializer));
    c.put("bias_initializer", ser(biasInitializer));
    c.put("kernel_regularizer", ser(kernelRegularizer));
    c.put("recurrent_regularizer", ser(recurrentRegularizer));
    c.put("bias_regularizer", ser(biasRegularizer));
    if (withActivityRegularizer) {
      c.put("activity_regularizer", ser(activityRegularizer()));
    }
    c.put("kernel_constraint", ser(kernelConstraint));
    c.put("recurrent_constraint", ser(recurrentConstraint));
    c.put("bias_constraint", ser(biasConstraint));
  }

  /** Reads the keys every Keras cell (and its layer) shares into {@code cell}. */
  static void readCommon(BaseRNNCell<?> cell, Config c) {
    cell.activation(c.identifier("activation", "tanh"));
    cell.useBias(c.bool("use_bias", true));
    if (c.has("kernel_initializer")) {
      cell.kernelInitializer(Initializers.get(c.get("kernel_initializer")));
    }
    if (c.has("recurrent_initializer")) {
      cell.recurrentInitializer(Initializers.get(c.get("recurrent_initializer")));
    }
    if (c.has("bias_initializer")) {
      cell.biasInitializer(Initializers.get(c.get("bias_initializer")));
    }
    cell.kernelRegularizer(Regularizer.get(c.get("kernel_regularizer")));
    cell.recurrentRegularizer(Regularizer.get(c.get("recurrent_regularizer")));
    cell.biasRegularizer(Regularizer.get(c.get("bias_regularizer")));
    cell.kernelConstraint(Constraint.get(c.get("kernel_constraint")));
    cell.recurrentConstraint(Constraint.get(c.get("recurrent_constraint")));
    cell.biasConstraint(Constraint.get(c.get("bias_constraint")));
    readDropoutConfig(cell, c);
  }
}
