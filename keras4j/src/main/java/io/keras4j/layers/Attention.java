package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Dot-product attention (Luong-style): {@code softmax(query · keyᵀ) · value}.
 *
 * <p>Keras equivalent: {@code keras.layers.Attention(use_scale=False, score_mode="dot", dropout=0.0, seed=None)}
 * (keras/src/layers/attention/attention.py). Inputs {@code [query, value]} or {@code [query, value, key]} of
 * shapes (batch, Tq, dim), (batch, Tv, dim), (batch, Tv, dim); output (batch, Tq, dim). Score mode "dot" is
 * {@code query · keyᵀ} (times the trained scalar {@code scale} with {@code use_scale}); "concat" is
 * {@code concat_score_weight * sum(tanh(scale * (query + key)))} over the features. Weights, in Keras' order:
 * {@code scale} () with {@code use_scale}, {@code concat_score_weight} () in "concat" mode, both initialised to 1.
 * <pre>{@code
 * KerasTensor out = new Attention().useCausalMask(true).apply(List.of(query, value)).get(0);
 * }</pre>
 * Porting note: see {@link BaseAttention} for the call keywords and the masks.
 */
public class Attention extends BaseAttention<Attention> {
  private String scoreMode = "dot";
  private Variable scale;
  private Variable concatScoreWeight;

  /** Dot-product attention with Keras' defaults. */
  public Attention() {
    super(false);
  }

  /** Sets whether a trained scalar scales the scores (Keras' {@code use_scale=}). Default false. */
  @Override
  public Attention useScale(boolean useScale) {
    return super.useScale(useScale);
  }

  /** Sets how scores are computed, "dot" or "concat" (Keras' {@code score_mode=}). Default "dot". */
  public Attention scoreMode(String scoreMode) {
    checkNotBuilt("score_mode");
    if (!"dot".equals(scoreMode) && !"concat".equals(scoreMode)) {
      throw new IllegalArgumentException("Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
          + "Received: score_mode=" + scoreMode);
    }
    this.scoreMode = scoreMode;
    return this;
  }

  public String scoreMode() {
    return scoreMode;
  }

  @Override
  protected void build(Shape queryShape, Shape valueShape) {
    if (useScale()) {
      scale = addWeight("scale", Shape.scalar(), "ones", null, null, true);
    }
    if ("concat".equals(scoreMode)) {
      concatScoreWeight = addWeight("concat_score_weight", Shape.scalar(), "ones", null, null, true);
    }
  }

  @Override
  protected Tensor scores(Tensor query, Tensor key) {
    Ops ops = ops();
    if ("dot".equals(scoreMode)) {
      int r = key.rank();
      int[] perm = new int[r];
      for (int i = 0; i < r; i++) {
        perm[i] = i;
      }
      perm[r - 2] = r - 1;
      perm[r - 1] = r - 2;
      Tensor scores = ops.matmul(query, ops.transpose(key, perm));
      return scale == null ? scores : ops.multiply(scores, ops.read(scale));
    }
    Tensor sum = ops.add(ops.expandDims(query, -2), ops.expandDims(key, -3));
    if (scale != null) {
      sum = ops.multiply(ops.read(scale), sum);
    }
    return ops.multiply(ops.read(concatScoreWeight), ops.sum(ops.tanh(sum), new int[] {-1}, false));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : c.entrySet()) {
      out.put(e.getKey(), e.getValue());
      if (e.getKey().equals("use_scale")) {
        out.put("score_mode", scoreMode);
      }
    }
    return out;
  }

  /** An Attention layer from its Keras config (Keras' {@code Attention.from_config}). */
  public static Attention fromConfig(Map<String, Object> config) {
    Config c = new Config("Attention", config);
    Attention a = new Attention().scoreMode(c.string("score_mode", "dot"));
    return withAttentionConfig(a, c, false);
  }
}
