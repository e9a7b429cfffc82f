package io.keras4j.layers;

import java.util.Map;

/**
 * A layer that Keras saves as the layers it is made of, each in its own group of {@code model.weights.h5}, such as
 * MultiHeadAttention's {@code layers/multi_head_attention/query_dense/vars/0}.
 *
 * <p>Keras equivalent: saving_lib's walk over a layer's attributes that are layers, each saved under the
 * attribute's name without its leading underscore ({@code _query_dense} as {@code query_dense}).
 */
public interface SavedSublayers {
  /** The sublayers by their key below this layer's path, in Keras' order; their weights are saved there. */
  Map<String, Layer> savedSublayers();
}
