package io.keras4j.layers;

import java.util.Map;

/**
 * A layer made of other layers that Keras saves below its own path in a {@code .keras} file, each under the name of
 * the attribute that holds it: {@code layers/time_distributed/layer/vars/0},
 * {@code layers/bidirectional/forward_layer/...}, {@code layers/conv_lstm2d/cell/vars/0}.
 *
 * <p>Keras equivalent: the attributes of a layer that are themselves layers, which {@code saving_lib} visits in
 * sorted attribute order ({@code _walk_saveable}), each saved at {@code <path>/<attribute>}. The layer's own
 * variables, those not of a nested layer, stay at {@code <path>/vars}.
 */
public interface NestedLayers {
  /** The nested layers by the Keras attribute name that holds each, in Keras' (sorted) order. */
  Map<String, Layer> nestedLayers();
}
