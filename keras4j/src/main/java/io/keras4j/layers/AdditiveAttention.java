package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Additive attention (Bahdanau-style): scores {@code sum(scale * tanh(query + key))} over the features.
 *
 * <p>Keras equivalent: {@code keras.layers.AdditiveAttention(use_scale=True, dropout=0.0)}
 * (keras/src/layers/attention/additive_attention.py; it also takes Attention's {@code seed}). Inputs
 * {@code [query, value]} or {@code [query, value, key]} of shapes (batch, Tq, dim), (batch, Tv, dim),
 * (batch, Tv, dim); output (batch, Tq, dim). With {@code use_scale} the weight {@code scale} has shape (dim,),
 * Glorot-uniform initialised.
 * <pre>{@code
 * KerasTensor out = new AdditiveAttention().apply(List.of(query, value)).get(0);
 * }</pre>
 * Porting note: see {@link BaseAttention} for the call keywords and the masks.
 */
public class AdditiveAttention extends BaseAttention<AdditiveAttention> {
  private Variable scale;

  /** Additive attention with Keras' defaults. */
  public AdditiveAttention() {
    super(true);
  }

  /** Sets whether a trained vector scales the tanh terms (Keras' {@code use_scale=}). Default true. */
  @Override
  public AdditiveAttention useScale(boolean useScale) {
    return super.useScale(useScale);
  }

  @Override
  protected void build(Shape queryShape, Shape valueShape) {
    long dim = queryShape.get(-1);
    if (dim < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': the last dimension of the query must be known. "
          + "Received: query_shape=" + queryShape);
    }
    if (useScale()) {
      scale = addWeight("scale", Shape.of(dim), "glorot_uniform", null, null, true);
    }
  }

  @Override
  protected Tensor scores(Tensor query, Tensor key) {
    Ops ops = ops();
    Tensor t = ops.tanh(ops.add(ops.expandDims(query, -2), ops.expandDims(key, -3)));
    if (scale != null) {
      t = ops.multiply(ops.read(scale), t);
    }
    return ops.sum(t, new int[] {-1}, false);
  }

  /** An AdditiveAttention layer from its Keras config (Keras' {@code AdditiveAttention.from_config}). */
  public static AdditiveAttention fromConfig(Map<String, Object> config) {
    Config c = new Config("AdditiveAttention", config);
    return withAttentionConfig(new AdditiveAttention(), c, true);
  }
}
