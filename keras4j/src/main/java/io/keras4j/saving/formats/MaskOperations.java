package io.keras4j.saving.formats;

import io.keras4j.saving.KerasFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Keras operations a functional config records only to compute masks, left out of the model keras4j builds.
 *
 * <p>Keras equivalent: when a functional model is built, Keras 3 passes the mask of a layer's input explicitly to
 * each layer whose {@code call} takes {@code mask} (or {@code <arg>_mask}); the mask's computation, such as
 * Embedding's {@code not_equal(ids, 0)} or Masking's {@code any(not_equal(x, 0.0), axis=-1)}, is then saved as
 * operation nodes ({@code "module": "keras.src.ops.numpy"}, class names such as NotEqual, Any, ExpandDims) that
 * feed those {@code mask} keyword arguments. Porting note: keras4j computes the same masks again while the model
 * runs (each layer's {@code computeMask}, {@code Backend.getKerasMask}), so these nodes and keyword arguments are
 * dropped; operations used for anything else (an argument of a layer, a model output, another keyword argument),
 * and the operations they use, are kept and become {@link io.keras4j.layers.Operation}s.
 */
final class MaskOperations {
  private MaskOperations() {}

  /**
   * Whether a layer spec is a Keras operation node rather than a layer: its module is {@code keras.src.ops...}, or,
   * in a legacy {@code .h5} config (which records no module), its config holds only a name and its class is a
   * known operation (a layer's config always holds {@code trainable} and {@code dtype}).
   */
  static boolean isOperation(Map<String, Object> spec) {
    if (spec.get("module") instanceof String m) {
      return m.startsWith("keras.src.ops");
    }
    return spec.get("config") instanceof Map<?, ?> c && c.keySet().equals(java.util.Set.of("name"))
        && io.keras4j.layers.Operation.isKnown(String.valueOf(spec.get("class_name")));
  }

  /** The layer specs without the operation nodes that only compute masks. */
  static List<Object> withoutMaskOperations(List<Object> layers, Object outputLayers) {
    Map<String, String> operations = new HashMap<>(); // name -> class name
    for (Object o : layers) {
      Map<String, Object> spec = ModelConfigs.asMap(o);
      if (isOperation(spec)) {
        operations.put(name(spec), String.valueOf(spec.get("class_name")));
      }
    }
    if (operations.isEmpty()) {
      return layers;
    }
    Set<String> usedOtherwise = new HashSet<>();
    for (Object o : layers) {
      Map<String, Object> spec = ModelConfigs.asMap(o);
      if (isOperation(spec)) {
        continue; // an operation's own inputs count only if the operation itself is needed
      }
      for (Object node : nodes(spec)) {
        if (node instanceof Map<?, ?> n) {
          collect(n.get("args"), usedOtherwise);
          if (n.get("kwargs") instanceof Map<?, ?> kwargs) {
            for (Map.Entry<?, ?> e : kwargs.entrySet()) {
              String key = String.valueOf(e.getKey());
              if (!key.equals("mask") && !key.endsWith("_mask")) {
                collect(e.getValue(), usedOtherwise);
              }
            }
          }
        }
      }
    }
    collectEndpoints(outputLayers, usedOtherwise);
    Set<String> needed = neededOperations(layers, operations.keySet(), usedOtherwise);
    List<Object> kept = new ArrayList<>();
    for (Object o : layers) {
      Map<String, Object> spec = ModelConfigs.asMap(o);
      if (!isOperation(spec) || needed.contains(name(spec))) {
        kept.add(o);
      }
    }
    return kept;
  }

  /** The operations that layers or outputs use, and the operations those use in turn. */
  private static Set<String> neededOperations(List<Object> layers, Set<String> operations, Set<String> used) {
    Map<String, Set<String>> inputsOf = new HashMap<>();
    for (Object o : layers) {
      Map<String, Object> spec = ModelConfigs.asMap(o);
      if (isOperation(spec)) {
        Set<String> in = new HashSet<>();
        for (Object node : nodes(spec)) {
          collect(node, in);
        }
        inputsOf.put(name(spec), in);
      }
    }
    Set<String> needed = new HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(used);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (operations.contains(n) && needed.add(n)) {
        todo.addAll(inputsOf.get(n));
      }
    }
    return needed;
  }

  private static String name(Map<String, Object> spec) {
    Object n = spec.get("name");
    if (n == null && spec.get("config") instanceof Map<?, ?> c) {
      n = c.get("name");
    }
    return String.valueOf(n);
  }

  private static List<Object> nodes(Map<String, Object> spec) {
    Object n = spec.get("inbound_nodes");
    return n instanceof List<?> ? ModelConfigs.asList(n) : List.of();
  }

  /** The layer names of the Keras tensors in {@code o} (any nesting of lists and maps). */
  private static void collect(Object o, Set<String> names) {
    if (o instanceof Map<?, ?> m) {
      if ("__keras_tensor__".equals(m.get("class_name")) && m.get("config") instanceof Map<?, ?> c
          && c.get("keras_history") instanceof List<?> h && !h.isEmpty()) {
        names.add(String.valueOf(h.get(0)));
        return;
      }
      for (Object v : m.values()) {
        collect(v, names);
      }
    } else if (o instanceof List<?> l) {
      for (Object x : l) {
        collect(x, names);
      }
    }
  }

  /** The layer names of output_layers: one [name, node, tensor] triple or a list of them. */
  private static void collectEndpoints(Object spec, Set<String> names) {
    if (spec instanceof List<?> l && !l.isEmpty()) {
      if (l.get(0) instanceof String s) {
        names.add(s);
      } else {
        for (Object t : l) {
          collectEndpoints(t, names);
        }
      }
    }
  }
}
