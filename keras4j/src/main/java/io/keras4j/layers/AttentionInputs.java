package io.keras4j.layers;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which of Keras' call arguments ({@code query}, {@code value}, {@code key}, the masks) each input of an
 * attention layer is, and the mask helpers the attention layers share.
 *
 * <p>Keras equivalent: the argument handling of {@code Attention.call} and {@code MultiHeadAttention.call}
 * (keras/src/layers/attention/). Porting note: a keras4j layer takes a list of inputs, so the names of its entries
 * are fixed by the layer's first call (every later call must name the same arguments).
 */
final class AttentionInputs {
  private final Layer layer;
  private final List<String> allowed;
  private List<String> names;

  AttentionInputs(Layer layer, List<String> allowed) {
    this.layer = layer;
    this.allowed = allowed;
  }

  /** The entries of {@code arguments} in the allowed order; fixes the layout. */
  <V> List<V> order(Map<String, V> arguments) {
    List<String> given = new ArrayList<>();
    List<V> out = new ArrayList<>();
    for (String name : arguments.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("Layer '" + layer.name() + "' takes the call arguments " + allowed
            + ". Received: " + name);
      }
    }
    for (String name : allowed) {
      if (arguments.get(name) != null) {
        given.add(name);
        out.add(arguments.get(name));
      }
    }
    if (!given.contains("query") || !given.contains("value")) {
      throw new IllegalArgumentException("Layer '" + layer.name() + "' needs the call arguments query and value. "
          + "Received: " + arguments.keySet());
    }
    fix(given);
    return out;
  }

  /** Fixes the layout of a plain list of {@code n} inputs: [query, value] or [query, value, key] unless fixed. */
  void layout(int n) {
    if (names == null) {
      if (n < 2 || n > 3) {
        throw new IllegalArgumentException("Layer '" + layer.name() + "' accepts a list of 2 or 3 inputs, namely "
            + "[query, value] or [query, value, key]. Received length: " + n);
      }
      fix(allowed.subList(0, n));
    } else if (names.size() != n) {
      throw new IllegalArgumentException("Layer '" + layer.name() + "' takes the inputs " + names + ". Received "
          + n + " inputs");
    }
  }

  private void fix(List<String> given) {
    if (names != null && !names.equals(given)) {
      throw new IllegalStateException("Layer '" + layer.name() + "' was called with the arguments " + names
          + "; keras4j fixes them at the first call. Received: " + given);
    }
    names = List.copyOf(given);
  }

  /** The inputs by argument name. */
  <V> Map<String, V> byName(List<V> inputs) {
    layout(inputs.size());
    Map<String, V> out = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      out.put(names.get(i), inputs.get(i));
    }
    return out;
  }

  /**
   * The inputs by argument name, with the Keras masks of the inputs (Keras' {@code _keras_mask}, one per input, null
   * for none) as the mask arguments {@code <input>_mask} of {@code implicit} inputs not given explicitly. With
   * {@code allOrNothing} (Attention's {@code mask=[...]}), an explicit mask turns off every implicit one.
   */
  Map<String, Tensor> byName(List<Tensor> inputs, List<Tensor> masks, List<String> implicit, boolean allOrNothing) {
    Map<String, Tensor> out = byName(inputs);
    if (masks == null) {
      return out;
    }
    boolean explicit = out.keySet().stream().anyMatch(k -> k.endsWith("_mask") && !k.equals("attention_mask"));
    if (allOrNothing && explicit) {
      return out;
    }
    for (String name : implicit) {
      int i = names.indexOf(name);
      if (i >= 0 && i < masks.size() && masks.get(i) != null && !out.containsKey(name + "_mask")) {
        out.put(name + "_mask", masks.get(i));
      }
    }
    return out;
  }

  /** Keras' {@code ([query, value, key], mask=[query_mask, value_mask])} as named arguments; nulls omitted. */
  static <V> Map<String, V> named(String layer, List<V> inputs, List<V> mask, String queryMask, String valueMask) {
    if (inputs.size() < 2 || inputs.size() > 3) {
      throw new IllegalArgumentException("Layer '" + layer + "' accepts inputs list of length 2 or 3, namely "
          + "[query, value] or [query, value, key]. Received length: " + inputs.size());
    }
    if (!mask.isEmpty() && mask.size() != 2) {
      throw new IllegalArgumentException("Layer '" + layer + "' accepts a mask list of length 2, namely "
          + "[query_mask, value_mask]. Received length: " + mask.size());
    }
    Map<String, V> out = new LinkedHashMap<>();
    out.put("query", inputs.get(0));
    out.put("value", inputs.get(1));
    if (inputs.size() == 3) {
      out.put("key", inputs.get(2));
    }
    if (!mask.isEmpty()) {
      out.put(queryMask, mask.get(0));
      out.put(valueMask, mask.get(1));
    }
    return out;
  }

  /** A mask as booleans: itself when boolean, else {@code mask != 0} (Keras' cast to bool). */
  static Tensor bool(Tensor mask) {
    Ops ops = Layer.ops();
    if ("bool".equals(mask.dtype())) {
      return mask;
    }
    return ops.notEqual(mask, ops.cast(ops.constant(0f), mask.dtype()));
  }

  /** Keras' causal mask of shape (1, Tq, Tv): true where the column index is at most the row index. */
  static Tensor causalMask(Tensor tq, Tensor tv) {
    Ops ops = Layer.ops();
    Tensor zero = ops.constant(new int[] {0}, Shape.scalar());
    Tensor rows = ops.expandDims(ops.expandDims(ops.range(zero, ops.cast(tq, "int32")), -1), 0);
    Tensor cols = ops.expandDims(ops.expandDims(ops.range(zero, ops.cast(tv, "int32")), 0), 0);
    return ops.greaterEqual(rows, cols);
  }

  /** Writes the call keywords a node records when true. */
  static void putFlags(Map<String, Object> kwargs, boolean returnAttentionScores, boolean useCausalMask) {
    if (returnAttentionScores) {
      kwargs.put("return_attention_scores", true);
    }
    if (useCausalMask) {
      kwargs.put("use_causal_mask", true);
    }
  }

  /** Reads a node's keyword flags into the layer's settings; refuses any other keyword but {@code training}. */
  static void readFlags(Layer layer, Map<String, Object> kwargs, Consumer<Boolean> returnAttentionScores,
      Consumer<Boolean> useCausalMask) {
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      switch (e.getKey()) {
        case "return_attention_scores" -> returnAttentionScores.accept(Boolean.TRUE.equals(e.getValue()));
        case "use_causal_mask" -> useCausalMask.accept(Boolean.TRUE.equals(e.getValue()));
        case "training" -> { } // the model's mode decides, as in keras4j's other layers
        default -> throw new IllegalArgumentException("Layer '" + layer.name() + "': keras4j does not support the "
            + "call argument " + e.getKey() + "=" + e.getValue() + " of a Keras node");
      }
    }
  }

  /** A node argument that is a list (or one value) as a list. */
  static List<Object> list(Object o) {
    if (o instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    List<Object> one = new ArrayList<>();
    one.add(o);
    return one;
  }

  /** A node's list of tensors (nulls kept); anything else is refused. */
  static List<KerasTensor> tensors(String layer, List<Object> values) {
    List<KerasTensor> out = new ArrayList<>();
    for (Object o : values) {
      if (o != null && !(o instanceof KerasTensor)) {
        throw new IllegalArgumentException("Layer '" + layer + "': expected a tensor argument in the Keras node. "
            + "Received: " + o);
      }
      out.add((KerasTensor) o);
    }
    return out;
  }
}
