package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/category_encoding.py (Keras 3.15.1).

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Encodes integer features of known range as one-hot, multi-hot or count vectors.
 *
 * <p>Keras equivalent: {@code keras.layers.CategoryEncoding(num_tokens, output_mode="multi_hot", sparse=False)}.
 * Inputs are integers in {@code [0, num_tokens)} (float inputs are truncated); the output is float32.
 * <pre>{@code new CategoryEncoding(4).outputMode("one_hot")   // [3, 2, 0, 1] -> 4 one-hot rows}</pre>
 * Porting note: Keras' call argument {@code count_weights} is an optional second input:
 * {@code layer.applyAll(List.of(x, weights), false)} in {@code "count"} mode.
 */
public class CategoryEncoding extends BaseLayer<CategoryEncoding> {
  private static final List<String> MODES = List.of("one_hot", "multi_hot", "count");
  private final int numTokens;
  private String outputMode = "multi_hot";

  /** Encodes values in {@code [0, numTokens)} (Keras' {@code num_tokens}, at least 1). */
  public CategoryEncoding(int numTokens) {
    if (numTokens < 1) {
      throw new IllegalArgumentException("CategoryEncoding: `num_tokens` must be >= 1. Received: num_tokens="
          + numTokens + ".");
    }
    this.numTokens = numTokens;
  }

  /** The number of tokens (Keras' {@code num_tokens}). */
  public int numTokens() {
    return numTokens;
  }

  /**
   * Sets the encoding (Keras' {@code output_mode=}): "one_hot", "multi_hot" (Keras' alias "binary") or "count".
   * Default "multi_hot".
   */
  public CategoryEncoding outputMode(String outputMode) {
    checkNotBuilt("output_mode");
    String m = "binary".equals(outputMode) ? "multi_hot" : outputMode;
    if (!MODES.contains(m)) {
      throw new IllegalArgumentException("CategoryEncoding: unknown arg for output_mode: " + outputMode
          + ". Expected one of " + MODES);
    }
    this.outputMode = m;
    return this;
  }

  /** Keras' {@code sparse=}: keras4j has dense tensors only, so only false is accepted. Default false. */
  public CategoryEncoding sparse(boolean sparse) {
    if (sparse) {
      throw new IllegalArgumentException("CategoryEncoding '" + name() + "': keras4j has no sparse tensors. "
          + "Expected sparse=false. Received: sparse=true");
    }
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    if (inputs.size() > 2) {
      throw new IllegalArgumentException("CategoryEncoding '" + name() + "' takes inputs and optional "
          + "count_weights. Received: " + inputs.size() + " inputs");
    }
    Tensor weights = inputs.size() == 2 ? inputs.get(1) : null;
    if (weights != null && !outputMode.equals("count")) {
      throw new IllegalArgumentException("`count_weights` is not used when `output_mode` is not `'count'`. "
          + "Received `count_weights` with output_mode=" + outputMode);
    }
    return List.of(CategoricalEncodings.encode(ops(), inputs.get(0), outputMode, numTokens, dtype(), weights));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return List.of(CategoricalEncodings.outputShape(inputShapes.get(0), outputMode, numTokens));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_tokens", numTokens);
    c.put("output_mode", outputMode);
    return c;
  }

  /** A CategoryEncoding layer from its Keras config (Keras' {@code CategoryEncoding.from_config}). */
  public static CategoryEncoding fromConfig(Map<String, Object> config) {
    Config c = new Config("CategoryEncoding", config);
    if (c.get("num_tokens") == null) {
      throw new IllegalArgumentException("num_tokens must be set to use this layer. If the number of tokens is not "
          + "known beforehand, use the IntegerLookup layer instead.");
    }
    CategoryEncoding e = new CategoryEncoding(c.integer("num_tokens"))
        .outputMode(c.string("output_mode", "multi_hot"))
        .sparse(c.bool("sparse", false));
    return withBaseConfig(e, c);
  }
}
