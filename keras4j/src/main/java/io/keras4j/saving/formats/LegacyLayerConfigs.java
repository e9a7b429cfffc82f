package io.keras4j.saving.formats;

import io.keras4j.saving.KerasFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites layer specs written by Keras 1, Keras 2 and tf.keras into the keys Keras 3 reads, for the recurrent,
 * embedding and wrapper layers (and the Dense and Dropout layers that sit beside them in Keras 1 models).
 *
 * <p>Keras equivalent: Keras 2's {@code keras.legacy.interfaces} (the Keras 1 keyword conversions of
 * {@code legacy_recurrent_support}, {@code legacy_embedding_support}, {@code legacy_dense_support}), its CuDNN
 * layers' fixed activations, and the keys Keras 3's constructors pop ({@code implementation}, Embedding's
 * {@code input_length}). Keras 3 itself converts none of the Keras 1 keys.
 *
 * <ul>
 *   <li>Keras 1 recurrent keys: {@code output_dim -> units}, {@code init -> kernel_initializer},
 *       {@code inner_init -> recurrent_initializer}, {@code inner_activation -> recurrent_activation},
 *       {@code W/U/b_regularizer -> kernel/recurrent/bias_regularizer}, {@code dropout_W/U -> dropout,
 *       recurrent_dropout}, {@code forget_bias_init="one" -> unit_forget_bias=true}; {@code consume_less},
 *       {@code input_dim}, {@code input_length} dropped (the first layer of a Sequential keeps them as its input
 *       shape when it has no {@code batch_input_shape}).
 *   <li>GRU without {@code reset_after}: written before Keras 2.1.6 added it, when GRUs reset before the recurrent
 *       matmul: {@code reset_after=false} (Keras 3 would assume true).
 *   <li>CuDNNLSTM/CuDNNGRU (Keras 2, tf.keras 1.x): LSTM/GRU with tanh and sigmoid, a bias, no dropout, and for
 *       the GRU {@code reset_after=true}, which is what cuDNN computes.
 *   <li>{@code implementation} dropped; tf.keras' {@code time_major=false} dropped, {@code true} refused.
 * </ul>
 */
final class LegacyLayerConfigs {
  private LegacyLayerConfigs() {}

  /**
   * The Keras 3 form of a layer spec ({@code class_name}, {@code config}, and the functional keys, kept); specs Keras
   * 3 wrote come back equal. {@code first}: the spec is the first layer of a Sequential, whose Keras 1 input
   * dimensions become its input shape.
   */
  static Map<String, Object> convert(Map<String, Object> spec, boolean first) {
    if (!(spec.get("config") instanceof Map<?, ?>)) {
      return spec;
    }
    String cls = String.valueOf(spec.get("class_name"));
    Map<String, Object> c = new LinkedHashMap<>(ModelConfigs.asMap(spec.get("config")));
    Map<String, Object> out = new LinkedHashMap<>(spec);
    switch (cls) {
      case "CuDNNLSTM", "CuDNNGRU" -> {
        cls = cls.substring("CuDNN".length());
        c.put("activation", "tanh");
        c.put("recurrent_activation", "sigmoid");
        c.put("use_bias", true);
        c.put("dropout", 0.0);
        c.put("recurrent_dropout", 0.0);
        c.put("unroll", false);
        if (cls.equals("GRU")) {
          c.put("reset_after", true);
        }
        recurrent(c, cls, first);
      }
      case "LSTM", "GRU", "SimpleRNN" -> recurrent(c, cls, first);
      case "ConvLSTM2D" -> convLstm(c);
      case "Embedding" -> embedding(c, first);
      case "Dense" -> dense(c, first);
      case "Dropout", "SpatialDropout1D" -> rename(c, "p", "rate");
      case "Bidirectional", "TimeDistributed" -> {
        for (String key : List.of("layer", "backward_layer")) {
          if (c.get(key) instanceof Map<?, ?> inner) {
            c.put(key, convert(ModelConfigs.asMap(inner), false));
          }
        }
      }
      case "InputLayer" -> rename(c, "input_dtype", "dtype");
      default -> {
        return spec;
      }
    }
    if (!cls.equals("InputLayer")) {
      c.remove("input_dtype"); // Keras 1: the dtype of the model's input, not of the layer's weights
    }
    out.put("class_name", cls);
    out.put("config", c);
    return out;
  }

  private static void recurrent(Map<String, Object> c, String cls, boolean first) {
    rename(c, "output_dim", "units");
    rename(c, "init", "kernel_initializer");
    rename(c, "inner_init", "recurrent_initializer");
    rename(c, "inner_activation", "recurrent_activation");
    regularizer(c, "W_regularizer", "kernel_regularizer");
    regularizer(c, "U_regularizer", "recurrent_regularizer");
    regularizer(c, "b_regularizer", "bias_regularizer");
    regularizer(c, "activity_regularizer", "activity_regularizer");
    rename(c, "dropout_W", "dropout");
    rename(c, "dropout_U", "recurrent_dropout");
    if (c.containsKey("forget_bias_init")) {
      if ("one".equals(c.remove("forget_bias_init"))) {
        c.put("unit_forget_bias", true);
      }
    }
    c.remove("consume_less");
    c.remove("implementation");
    if (Boolean.TRUE.equals(c.get("time_major"))) {
      throw new KerasFileException("Layer " + c.get("name") + " (" + cls + ") was saved with time_major=True, which "
          + "Keras 3 does not support: inputs must be batch-major");
    }
    c.remove("time_major");
    inputShape(c, first, "input_length", "input_dim");
    if (cls.equals("GRU") && !c.containsKey("reset_after")) {
      c.put("reset_after", false);
    }
  }

  private static void convLstm(Map<String, Object> c) {
    rename(c, "nb_filter", "filters");
    if (c.containsKey("nb_row") || c.containsKey("nb_col")) {
      c.put("kernel_size", List.of(c.remove("nb_row"), c.remove("nb_col")));
    }
    rename(c, "subsample", "strides");
    rename(c, "border_mode", "padding");
    if (c.containsKey("dim_ordering")) {
      Object o = c.remove("dim_ordering");
      c.put("data_format", "th".equals(o) ? "channels_first" : "channels_last");
    }
    recurrent(c, "ConvLSTM2D", false);
  }

  private static void embedding(Map<String, Object> c, boolean first) {
    rename(c, "init", "embeddings_initializer");
    regularizer(c, "W_regularizer", "embeddings_regularizer");
    regularizer(c, "activity_regularizer", "activity_regularizer");
    constraint(c, "W_constraint", "embeddings_constraint");
    c.remove("dropout"); // Keras 1's embedding dropout: training only, dropped by Keras 2
    inputShape(c, first, "input_length");
  }

  private static void dense(Map<String, Object> c, boolean first) {
    if (!c.containsKey("output_dim")) {
      return; // Keras 2 or 3
    }
    rename(c, "output_dim", "units");
    rename(c, "init", "kernel_initializer");
    regularizer(c, "W_regularizer", "kernel_regularizer");
    regularizer(c, "b_regularizer", "bias_regularizer");
    regularizer(c, "activity_regularizer", "activity_regularizer");
    constraint(c, "W_constraint", "kernel_constraint");
    constraint(c, "b_constraint", "bias_constraint");
    rename(c, "bias", "use_bias");
    inputShape(c, first, "input_dim");
  }

  /**
   * Keras 1's per-dimension input keys removed; for the first layer of a Sequential without a batch input shape,
   * {@code [null, <keys' values>...]} becomes it.
   */
  private static void inputShape(Map<String, Object> c, boolean first, String... keys) {
    List<Object> shape = new ArrayList<>();
    shape.add(null);
    for (String k : keys) {
      shape.add(c.remove(k));
    }
    // the last key is the one Keras 1 needed to build the layer (input_dim, or an Embedding's input_length)
    if (first && shape.get(keys.length) != null && !c.containsKey("batch_input_shape") && !c.containsKey("batch_shape")) {
      c.put("batch_input_shape", shape);
    }
  }

  private static void rename(Map<String, Object> c, String from, String to) {
    if (c.containsKey(from)) {
      Object v = c.remove(from);
      if (c.containsKey(to) && !from.equals(to)) {
        throw new KerasFileException("Layer " + c.get("name") + " has both the Keras 1 key `" + from + "` and `" + to
            + "`");
      }
      c.put(to, v);
    }
  }

  /** Keras 1's {@code {"name": "L1L2Regularizer", "l1": .., "l2": ..}} as Keras 2/3's {@code L1L2} spec. */
  private static void regularizer(Map<String, Object> c, String from, String to) {
    rename(c, from, to);
    if (c.get(to) instanceof Map<?, ?> m && m.containsKey("name") && !m.containsKey("class_name")) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("l1", m.containsKey("l1") ? m.get("l1") : 0.0);
      config.put("l2", m.containsKey("l2") ? m.get("l2") : 0.0);
      c.put(to, Map.of("class_name", "L1L2", "config", config));
    }
  }

  /** Keras 1's {@code {"name": "MaxNorm", "m": .., "axis": ..}} as a Keras 3 constraint spec. */
  private static void constraint(Map<String, Object> c, String from, String to) {
    rename(c, from, to);
    if (c.get(to) instanceof Map<?, ?> m && m.get("name") instanceof String name && !m.containsKey("class_name")) {
      Map<String, Object> config = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (!k.equals("name")) {
          config.put(k.equals("m") ? "max_value" : k, e.getValue());
        }
      }
      c.put(to, Map.of("class_name", name, "config", config));
    }
  }
}
