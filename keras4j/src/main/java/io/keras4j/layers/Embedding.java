package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.data.NDArray;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Turns non-negative integer indices into dense vectors of fixed size: row {@code i} of a trainable
 * {@code (input_dim, output_dim)} matrix for each index {@code i}.
 *
 * <p>Keras equivalent: {@code keras.layers.Embedding(input_dim, output_dim, embeddings_initializer="uniform",
 * embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False, weights=None, lora_rank=None,
 * lora_alpha=None)} (keras/src/layers/core/embedding.py). With {@code mask_zero} the index 0 is padding: the layer
 * attaches the mask {@code input != 0} to its output, which the layers after it (recurrent layers, pooling, losses)
 * skip.
 * <pre>{@code
 * model.add(new Embedding(1000, 64).maskZero(true));   // (batch, steps) indices -> (batch, steps, 64)
 * }</pre>
 * Porting note: keras4j feeds model inputs as float32; as Keras does for a non-integer input, the indices are cast
 * to int32 (exact below 2^24). Keras 2's {@code input_length} is accepted from a file and ignored, as Keras 3 does.
 */
public class Embedding extends BaseLayer<Embedding> {
  private final int inputDim;
  private final int outputDim;
  private Initializer embeddingsInitializer = Initializers.get("uniform");
  private Regularizer embeddingsRegularizer;
  private Constraint embeddingsConstraint;
  private boolean maskZero;
  private NDArray initialWeights;
  private Integer loraAlpha;
  private Variable embeddings;

  /** An embedding of indices in {@code [0, inputDim)} into vectors of {@code outputDim} values. */
  public Embedding(int inputDim, int outputDim) {
    if (inputDim <= 0) {
      throw new IllegalArgumentException("`input_dim` must be a positive integer. Received: input_dim=" + inputDim);
    }
    if (outputDim <= 0) {
      throw new IllegalArgumentException("`output_dim` must be a positive integer. Received: output_dim="
          + outputDim);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
    supportsMasking(false); // Keras: supports_masking = mask_zero, though compute_mask is overridden
  }

  /** The size of the vocabulary: the largest index plus one. */
  public int inputDim() {
    return inputDim;
  }

  /** The size of each vector. */
  public int outputDim() {
    return outputDim;
  }

  /** Sets the matrix' initializer (Keras' {@code embeddings_initializer=}). Default "uniform", in [-0.05, 0.05]. */
  public Embedding embeddingsInitializer(Initializer initializer) {
    checkNotBuilt("embeddings_initializer");
    this.embeddingsInitializer = require(initializer, "embeddings_initializer");
    return this;
  }

  /** Sets the matrix' initializer by name, such as "glorot_uniform". Default "uniform". */
  public Embedding embeddingsInitializer(String initializer) {
    return embeddingsInitializer(Initializers.get(initializer));
  }

  /** Sets the matrix' regularizer (Keras' {@code embeddings_regularizer=}); null for none. Default none. */
  public Embedding embeddingsRegularizer(Regularizer regularizer) {
    checkNotBuilt("embeddings_regularizer");
    this.embeddingsRegularizer = regularizer;
    return this;
  }

  /** Sets the matrix' regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public Embedding embeddingsRegularizer(String regularizer) {
    return embeddingsRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the matrix' constraint (Keras' {@code embeddings_constraint=}); null for none. Default none. */
  public Embedding embeddingsConstraint(Constraint constraint) {
    checkNotBuilt("embeddings_constraint");
    this.embeddingsConstraint = constraint;
    return this;
  }

  /** Sets the matrix' constraint by name ("max_norm", "non_neg", "unit_norm"). Default none. */
  public Embedding embeddingsConstraint(String constraint) {
    return embeddingsConstraint(Constraint.get(constraint));
  }

  /**
   * Sets whether index 0 is padding to be masked (Keras' {@code mask_zero=}); then index 0 should not be a word of
   * the vocabulary, so {@code input_dim} is the vocabulary size plus one. Default false.
   */
  public Embedding maskZero(boolean maskZero) {
    checkNotBuilt("mask_zero");
    this.maskZero = maskZero;
    supportsMasking(maskZero); // Keras: supports_masking = mask_zero
    return this;
  }

  /** Whether index 0 is masked. */
  public boolean maskZero() {
    return maskZero;
  }

  /**
   * Sets the initial matrix, shape {@code (input_dim, output_dim)} (Keras' {@code weights=}): a {@code float[][]},
   * an {@link NDArray} or a one-element list of either. Default: drawn by the initializer.
   */
  public Embedding weights(Object weights) {
    checkNotBuilt("weights");
    Object w = weights instanceof List<?> l && l.size() == 1 ? l.get(0) : weights;
    NDArray a = NDArray.of(require(w, "weights"));
    if (!Shape.of(a.shape()).equals(Shape.of(inputDim, outputDim))) {
      throw new IllegalArgumentException("Layer '" + name() + "': weights should have shape (" + inputDim + ", "
          + outputDim + ") = (input_dim, output_dim). Received: shape " + Shape.of(a.shape()));
    }
    this.initialWeights = a;
    return this;
  }

  /**
   * Keras' {@code lora_rank=}: LoRA fine-tuning is not ported; 0 (none) is accepted, any other rank is refused.
   * Default none.
   */
  public Embedding loraRank(int loraRank) {
    if (loraRank != 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': LoRA fine-tuning is not supported by keras4j's "
          + "Embedding. Expected lora_rank=None. Received: lora_rank=" + loraRank);
    }
    return this;
  }

  /** Keras' {@code lora_alpha=}: kept for the config, unused since LoRA is not ported. Default: the rank. */
  public Embedding loraAlpha(int loraAlpha) {
    this.loraAlpha = loraAlpha;
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    embeddings = addWeight("embeddings", Shape.of(inputDim, outputDim), embeddingsInitializer,
        embeddingsRegularizer, embeddingsConstraint, true);
    if (initialWeights != null) {
      embeddings.assign(initialWeights.toFloatArray());
    }
  }

  /** The matrix, shape (input_dim, output_dim); null before the layer is built. */
  public Variable embeddings() {
    return embeddings;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor indices = input.dtype().equals("int32") || input.dtype().equals("int64") ? input
        : ops.cast(input, "int32");
    return ops.take(ops.read(embeddings), indices, 0);
  }

  /** {@code input != 0} with {@code mask_zero}, else none (Keras' {@code compute_mask}). */
  @Override
  public Tensor computeMask(Tensor input, Tensor mask) {
    if (!maskZero) {
      return null;
    }
    Ops ops = ops();
    return ops.notEqual(input, ops.cast(ops.constant(0f), input.dtype()));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    long[] dims = new long[s.rank() + 1];
    for (int i = 0; i < s.rank(); i++) {
      dims[i] = s.get(i);
    }
    dims[s.rank()] = outputDim;
    return List.of(Shape.of(dims));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("input_dim", inputDim);
    c.put("output_dim", outputDim);
    c.put("embeddings_initializer", ser(embeddingsInitializer));
    c.put("embeddings_regularizer", ser(embeddingsRegularizer));
    c.put("activity_regularizer", ser(activityRegularizer()));
    c.put("embeddings_constraint", ser(embeddingsConstraint));
    c.put("mask_zero", maskZero);
    c.put("quantization_config", null);
    return c;
  }

  /**
   * An Embedding from its Keras config (Keras' {@code Embedding.from_config}); Keras 2's {@code input_length} is
   * ignored, Keras 1's {@code init}, {@code W_regularizer} and {@code W_constraint} are read, a quantized layer or a
   * LoRA rank is refused. Porting note: Keras 1's {@code dropout} (whole rows dropped in training) is ignored.
   */
  public static Embedding fromConfig(Map<String, Object> config) {
    Config c = new Config("Embedding", config);
    if (c.has("quantization_config")) {
      throw new IllegalArgumentException("Embedding: quantized layers are not supported. Expected "
          + "quantization_config=null. Received: quantization_config=" + c.get("quantization_config"));
    }
    // Keras 1 wrote init, W_regularizer and W_constraint (and a training-only dropout, ignored here)
    Embedding e = new Embedding(c.integer("input_dim"), c.integer("output_dim"))
        .maskZero(c.bool("mask_zero", false))
        .embeddingsRegularizer(Regularizer.get(c.get(c.has("W_regularizer") ? "W_regularizer"
            : "embeddings_regularizer")))
        .embeddingsConstraint(Constraint.get(c.get(c.has("W_constraint") ? "W_constraint" : "embeddings_constraint")));
    if (c.has("embeddings_initializer") || c.has("init")) {
      e.embeddingsInitializer(Initializers.get(c.get(c.has("init") ? "init" : "embeddings_initializer")));
    }
    if (c.has("lora_rank")) {
      e.loraRank(c.integer("lora_rank"));
    }
    return withBaseConfig(e, c);
  }
}
