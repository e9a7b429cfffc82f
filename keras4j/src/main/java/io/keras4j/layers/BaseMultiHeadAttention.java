package io.keras4j.layers;

import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;

/**
 * The keyword arguments of {@link MultiHeadAttention}: its setters, defaults and validation.
 *
 * <p>Keras equivalent: the constructor of {@code keras.layers.MultiHeadAttention}
 * (keras/src/layers/attention/multi_head_attention.py). Porting note: a separate base only to keep each file
 * small; the layer is {@link MultiHeadAttention}.
 */
public abstract class BaseMultiHeadAttention extends BaseLayer<MultiHeadAttention> {
  private final int numHeads;
  private final int keyDim;
  private int valueDim;
  private double dropout;
  private boolean useBias = true;
  private int[] outputShape;
  private int[] attentionAxes;
  private int slidingWindow;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = new Zeros();
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Regularizer activityRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
  private boolean useGate;
  private Long seed;
  private boolean useCausalMask;
  private boolean returnAttentionScores;

  protected BaseMultiHeadAttention(int numHeads, int keyDim) {
    if (numHeads <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `num_heads`, expected a positive "
          + "integer. Received: num_heads=" + numHeads);
    }
    if (keyDim <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `key_dim`, expected a positive "
          + "integer. Received: key_dim=" + keyDim);
    }
    this.numHeads = numHeads;
    this.keyDim = keyDim;
    this.valueDim = keyDim;
  }

  public int numHeads() {
    return numHeads;
  }

  public int keyDim() {
    return keyDim;
  }

  /** Sets the size of each head for the value (Keras' {@code value_dim=}). Default: {@code key_dim}. */
  public MultiHeadAttention valueDim(int valueDim) {
    checkNotBuilt("value_dim");
    if (valueDim <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `value_dim`, expected a positive "
          + "integer or `None`. Received: value_dim=" + valueDim);
    }
    this.valueDim = valueDim;
    return self();
  }

  public int valueDim() {
    return valueDim;
  }

  /** Sets the dropout rate of the attention probabilities (Keras' {@code dropout=}). Default 0. */
  public MultiHeadAttention dropout(double dropout) {
    checkNotBuilt("dropout");
    if (!(dropout >= 0 && dropout <= 1)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `dropout` must be a float between 0 and 1. "
          + "Received: dropout=" + dropout);
    }
    this.dropout = dropout;
    return self();
  }

  public double dropout() {
    return dropout;
  }

  /** Sets whether the projections have biases (Keras' {@code use_bias=}). Default true. */
  public MultiHeadAttention useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return self();
  }

  public boolean useBias() {
    return useBias;
  }

  /**
   * Sets the output's shape besides the batch and sequence axes (Keras' {@code output_shape=}). Default: the
   * query's last dimension.
   */
  public MultiHeadAttention outputShape(int... outputShape) {
    checkNotBuilt("output_shape");
    for (int d : outputShape) {
      if (d <= 0) {
        throw new IllegalArgumentException("Invalid `output_shape`: " + java.util.Arrays.toString(outputShape)
            + ". When specified, the sizes must be positive (layer '" + name() + "')");
      }
    }
    this.outputShape = outputShape.length == 0 ? null : outputShape.clone();
    return self();
  }

  /** The output shape set, or null (Keras' None). */
  public int[] outputShape() {
    return outputShape == null ? null : outputShape.clone();
  }

  /**
   * Sets the axes attention runs over, batch included in the numbering (Keras' {@code attention_axes=}). Default:
   * every axis but the batch, the heads and the features.
   */
  public MultiHeadAttention attentionAxes(int... attentionAxes) {
    checkNotBuilt("attention_axes");
    this.attentionAxes = attentionAxes.length == 0 ? null : attentionAxes.clone();
    return self();
  }

  /** The attention axes set, or null (Keras' None). */
  public int[] attentionAxes() {
    return attentionAxes == null ? null : attentionAxes.clone();
  }

  /**
   * Restricts each query position to key positions less than {@code slidingWindow} away (Keras'
   * {@code sliding_window=}). Default: none (full attention).
   */
  public MultiHeadAttention slidingWindow(int slidingWindow) {
    checkNotBuilt("sliding_window");
    if (slidingWindow <= 0) {
      throw new IllegalArgumentException("`sliding_window` must be `None` or a positive integer. Received: "
          + "sliding_window=" + slidingWindow);
    }
    this.slidingWindow = slidingWindow;
    return self();
  }

  /** The sliding window, or 0 for none (Keras' None). */
  public int slidingWindow() {
    return slidingWindow;
  }

  /**
   * Keras' {@code flash_attention=}: Keras' TensorFlow backend has no flash attention, so only false (or Keras'
   * None, the default) is accepted.
   *
   * @throws IllegalArgumentException for true
   */
  public MultiHeadAttention flashAttention(boolean flashAttention) {
    if (flashAttention) {
      throw new IllegalArgumentException("Layer '" + name() + "': flash attention is not supported in the "
          + "TensorFlow backend (keras4j). Received: flash_attention=true");
    }
    return self();
  }

  /** Sets the projections' kernel initializer (Keras' {@code kernel_initializer=}). Default "glorot_uniform". */
  public MultiHeadAttention kernelInitializer(Initializer initializer) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = require(initializer, "kernel_initializer");
    return self();
  }

  /** Sets the kernel initializer by name. Default "glorot_uniform". */
  public MultiHeadAttention kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** Sets the projections' bias initializer (Keras' {@code bias_initializer=}). Default "zeros". */
  public MultiHeadAttention biasInitializer(Initializer initializer) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = require(initializer, "bias_initializer");
    return self();
  }

  /** Sets the bias initializer by name. Default "zeros". */
  public MultiHeadAttention biasInitializer(String initializer) {
    return biasInitializer(Initializers.get(initializer));
  }

  public Initializer biasInitializer() {
    return biasInitializer;
  }

  /** Sets the projections' kernel regularizer (Keras' {@code kernel_regularizer=}). Default none. */
  public MultiHeadAttention kernelRegularizer(Regularizer regularizer) {
    checkNotBuilt("kernel_regularizer");
    this.kernelRegularizer = regularizer;
    return self();
  }

  /** Sets the kernel regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public MultiHeadAttention kernelRegularizer(String regularizer) {
    return kernelRegularizer(Regularizer.get(regularizer));
  }

  public Regularizer kernelRegularizer() {
    return kernelRegularizer;
  }

  /** Sets the projections' bias regularizer (Keras' {@code bias_regularizer=}). Default none. */
  public MultiHeadAttention biasRegularizer(Regularizer regularizer) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = regularizer;
    return self();
  }

  /** Sets the bias regularizer by name. Default none. */
  public MultiHeadAttention biasRegularizer(String regularizer) {
    return biasRegularizer(Regularizer.get(regularizer));
  }

  public Regularizer biasRegularizer() {
    return biasRegularizer;
  }

  /**
   * Sets the regularizer of the projections' outputs (Keras' {@code activity_regularizer=}; as in Keras it applies
   * to each projection, not to this layer's output). Default none.
   */
  @Override
  public MultiHeadAttention activityRegularizer(Regularizer regularizer) {
    checkNotBuilt("activity_regularizer");
    this.activityRegularizer = regularizer;
    return self();
  }

  /** Sets the projections' activity regularizer by name. Default none. */
  @Override
  public MultiHeadAttention activityRegularizer(String regularizer) {
    return activityRegularizer(Regularizer.get(regularizer));
  }

  /** The regularizer of the projections' outputs (Keras' {@code _activity_regularizer}), or null. */
  protected Regularizer sublayerActivityRegularizer() {
    return activityRegularizer;
  }

  /** Sets the projections' kernel constraint (Keras' {@code kernel_constraint=}). Default none. */
  public MultiHeadAttention kernelConstraint(Constraint constraint) {
    checkNotBuilt("kernel_constraint");
    this.kernelConstraint = constraint;
    return self();
  }

  /** Sets the kernel constraint by name. Default none. */
  public MultiHeadAttention kernelConstraint(String constraint) {
    return kernelConstraint(Constraint.get(constraint));
  }

  public Constraint kernelConstraint() {
    return kernelConstraint;
  }

  /** Sets the projections' bias constraint (Keras' {@code bias_constraint=}). Default none. */
  public MultiHeadAttention biasConstraint(Constraint constraint) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = constraint;
    return self();
  }

  /** Sets the bias constraint by name. Default none. */
  public MultiHeadAttention biasConstraint(String constraint) {
    return biasConstraint(Constraint.get(constraint));
  }

  public Constraint biasConstraint() {
    return biasConstraint;
  }

  /**
   * Sets whether a sigmoid projection of the query gates the heads before the output projection (Keras'
   * {@code use_gate=}). Default false.
   */
  public MultiHeadAttention useGate(boolean useGate) {
    checkNotBuilt("use_gate");
    this.useGate = useGate;
    return self();
  }

  public boolean useGate() {
    return useGate;
  }

  /** Sets the seed of the dropout (Keras' {@code seed=}). Default: drawn from the global generator. */
  public MultiHeadAttention seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    return self();
  }

  /** The seed given, or null (Keras' None). */
  protected Long givenSeed() {
    return seed;
  }

  /**
   * Sets whether query position i may only attend to key positions j &lt;= i (Keras' call keyword
   * {@code use_causal_mask=}). Default false.
   */
  public MultiHeadAttention useCausalMask(boolean useCausalMask) {
    this.useCausalMask = useCausalMask;
    return self();
  }

  public boolean useCausalMask() {
    return useCausalMask;
  }

  /**
   * Sets whether the layer also outputs the attention probabilities, shape (batch, num_heads, T, S) (Keras' call
   * keyword {@code return_attention_scores=}). Default false.
   */
  public MultiHeadAttention returnAttentionScores(boolean returnAttentionScores) {
    checkNotBuilt("return_attention_scores");
    this.returnAttentionScores = returnAttentionScores;
    return self();
  }

  public boolean returnAttentionScores() {
    return returnAttentionScores;
  }
}
