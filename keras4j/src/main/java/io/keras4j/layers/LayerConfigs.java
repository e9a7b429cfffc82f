package io.keras4j.layers;

import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base keys of every layer's config: {@code name}, {@code trainable}, {@code dtype},
 * {@code activity_regularizer} and the input shape, written by {@link Layer#getConfig()} and read back by
 * {@link Layer#withBaseConfig}.
 *
 * <p>Keras equivalent: the base part of {@code keras.layers.Layer.get_config} and the keyword arguments
 * {@code Layer.__init__} takes from a config ({@code input_shape}, {@code batch_size}, a serialized
 * {@code DTypePolicy} as {@code dtype}), in keras/src/layers/layer.py.
 */
final class LayerConfigs {
  private LayerConfigs() {}

  /** The base keys of {@code layer}'s config, in Keras' order; {@code activity_regularizer} only when set. */
  static Map<String, Object> base(Layer layer) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", layer.name());
    c.put("trainable", layer.trainable());
    c.put("dtype", layer.dtypePolicy().serialize());
    if (layer.activityRegularizer() != null) {
      c.put("activity_regularizer", Layer.ser(layer.activityRegularizer()));
    }
    return c;
  }

  /** Keras 3's serialized {@code DTypePolicy} of {@code dtype}, as layers write their {@code dtype} key. */
  static Map<String, Object> dtypePolicy(String dtype) {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("module", "keras");
    policy.put("class_name", "DTypePolicy");
    policy.put("config", Map.of("name", dtype));
    policy.put("registered_name", null);
    return policy;
  }

  /**
   * The {@code dtype} of a config: a policy's name when it is a serialized {@code DTypePolicy}, else the value as
   * it stands (a name, or null when absent).
   */
  static Object dtype(Config c) {
    Object dtype = c.get("dtype");
    if (dtype instanceof Map<?, ?> policy && policy.get("config") instanceof Map<?, ?> pc) {
      dtype = pc.get("name");
    }
    return dtype;
  }

  /** Applies the base keys of {@code c} to {@code layer}, as {@link Layer#withBaseConfig} documents. */
  static <L extends Layer> L apply(L layer, Config c) {
    if (c.has("name")) {
      layer.name(c.string("name", null));
    }
    layer.trainable(c.bool("trainable", true));
    if (dtype(c) instanceof String d && !d.equals(layer.dtypePolicy().name())) {
      layer.dtype(d);
    }
    if (c.has("activity_regularizer")) {
      layer.activityRegularizer(Regularizer.get(c.get("activity_regularizer")));
    }
    int[] batch = batchShape(c);
    if (batch != null) {
      applyBatchShape(layer, batch);
    }
    return layer;
  }

  /** The {@code batch_shape} (or Keras 2's {@code batch_input_shape}) of a config, null dimensions as -1. */
  static int[] batchShape(Config c) {
    Object v = c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape");
    if (!(v instanceof List<?> l)) {
      return null;
    }
    int[] out = new int[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = l.get(i) == null ? -1 : ((Number) l.get(i)).intValue();
    }
    return out;
  }

  /** Sets {@code layer}'s input shape and, when known, its batch size from a batch shape. */
  private static void applyBatchShape(Layer layer, int[] batch) {
    layer.inputShape(Arrays.copyOfRange(batch, 1, batch.length));
    if (batch[0] > 0) {
      layer.batchSize(batch[0]);
    }
  }
}
