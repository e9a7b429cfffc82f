package io.keras4j.saving.formats;

import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.CallArguments;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.saving.KerasFileException;
import io.keras4j.saving.KerasObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds models from Keras' JSON model configs: Sequential and Functional, as Keras 2 (tf.keras) and Keras 3 write
 * them.
 *
 * <p>Keras equivalent: {@code keras.models.model_from_json} and {@code Model.from_config}. Handles Keras 2's
 * {@code batch_input_shape} and Keras 3's {@code batch_shape}; Keras 2's inbound nodes
 * ({@code [[["layer", 0, 0, {}]]]}) and Keras 3's ({@code {"args": [{"class_name": "__keras_tensor__", ...}]}});
 * a single input or output written as a flat {@code [name, node, tensor]} triple or as a list of triples; models
 * nested in models; Keras 3's operation nodes ({@code x + 3.0}: {@link io.keras4j.layers.Operation}), except those
 * that only compute masks, which are left out ({@link MaskOperations}).
 */
public final class ModelConfigs {
  private ModelConfigs() {}

  /** The model described by {@code json} (Keras' {@code model.to_json()}). */
  public static Model fromJson(String json) {
    return LoadGuard.guard("the model config", () -> {
      try {
        return fromConfig(asMap(JsonValues.read(json)));
      } catch (IOException e) {
        throw new KerasFileException("The model config is not valid JSON: " + e.getMessage(), e);
      }
    });
  }

  /** The model of a {@code {"class_name": ..., "config": ...}} map. */
  public static Model fromConfig(Map<String, Object> spec) {
    String cls = String.valueOf(spec.get("class_name"));
    Object config = spec.get("config");
    Model model = switch (cls) {
      case "Sequential" -> sequential(config);
      case "Functional", "Model" -> functional(asMap(config));
      default -> SubclassedModels.fromConfig(spec); // a registered Model subclass, or "Not a model config"
    };
    if (config instanceof Map<?, ?> m && m.get("dtype") != null) {
      model.dtypePolicy(io.keras4j.dtypepolicies.DTypePolicies.get(m.get("dtype"))); // Keras: Model(dtype=...)
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw new KerasFileException("Expected a JSON object. Received: " + o);
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object o) {
    if (!(o instanceof List<?>)) {
      throw new KerasFileException("Expected a JSON list. Received: " + o);
    }
    return (List<Object>) o;
  }

  /** A layer (or nested model) of a layer spec. */
  static Layer layer(Map<String, Object> spec) {
    return layer(spec, false);
  }

  /**
   * A layer (or nested model) of a layer spec, Keras 1/2 keys rewritten first ({@link LegacyLayerConfigs});
   * {@code first}: the first layer of a Sequential.
   */
  static Layer layer(Map<String, Object> original, boolean first) {
    if (MaskOperations.isOperation(original)) {
      try {
        return io.keras4j.layers.Operation.fromConfig(String.valueOf(original.get("class_name")),
            (String) original.get("module"), asMap(original.get("config")));
      } catch (IllegalArgumentException e) {
        throw new KerasFileException("Cannot build operation " + original.get("name") + ": " + e.getMessage(), e);
      }
    }
    Map<String, Object> spec = LegacyLayerConfigs.convert(original, first);
    String cls = String.valueOf(spec.get("class_name"));
    if (cls.equals("Sequential") || cls.equals("Functional") || cls.equals("Model")) {
      return fromConfig(spec);
    }
    String registered = spec.get("registered_name") instanceof String r ? r : null;
    try {
      // Keras' _retrieve_class_or_fn: a custom object found by the registered name comes before the built-ins
      Object custom = registered == null ? null : KerasObjects.custom(registered, asMap(spec.get("config")));
      if (custom instanceof Model) {
        return SubclassedModels.fromConfig(spec);
      }
      if (custom != null) {
        if (!(custom instanceof Layer l)) {
          throw new IllegalArgumentException("the custom object '" + registered + "' is a "
              + custom.getClass().getName() + ", not a Layer");
        }
        return l;
      }
      return Layers.fromConfig(cls, asMap(spec.get("config")));
    } catch (IllegalArgumentException e) {
      throw new KerasFileException("Cannot build layer " + cls + " from its config: " + e.getMessage()
          + (Layers.registry().knows(cls) ? "" : " " + KerasObjects.notFound("layer", cls, registered)), e);
    }
  }

  private static Model sequential(Object config) {
    // Keras 2.0 wrote the layer list itself; later versions a dict with "name" and "layers"
    List<Object> layers = config instanceof List<?> ? asList(config) : asList(asMap(config).get("layers"));
    List<Layer> built = new ArrayList<>();
    for (Object l : layers) {
      built.add(layer(asMap(l), built.isEmpty()));
    }
    Sequential model = new Sequential(built.toArray(new Layer[0])); // connected once: linear in the layers
    if (config instanceof Map<?, ?> m && m.get("name") instanceof String name) {
      model.name(name);
    }
    return model;
  }

  private static Model functional(Map<String, Object> config) {
    Map<String, Layer> byName = new java.util.LinkedHashMap<>();
    Map<String, List<List<KerasTensor>>> outputs = new HashMap<>();
    List<Pending> pending = new ArrayList<>();
    // Keras 3 saves the computation of the masks it passes to layers as operation nodes; keras4j recomputes masks
    for (Object o : MaskOperations.withoutMaskOperations(asList(config.get("layers")), config.get("output_layers"))) {
      Map<String, Object> spec = asMap(o);
      Layer layer = layer(spec);
      String name = String.valueOf(spec.getOrDefault("name", layer.name()));
      if (byName.put(name, layer) != null) {
        throw new KerasFileException("The model config has two layers named " + name);
      }
      outputs.put(name, new ArrayList<>());
      if (layer instanceof InputLayer in) {
        outputs.get(name).add(List.of(in.output()));
      } else {
        pending.add(new Pending(name, spec));
      }
    }
    // apply each layer to its inbound tensors once they all exist (specs may come in any order): a spec waits on
    // the first layer whose output it lacks and is tried again when that layer has been applied, so the work is
    // linear in the number of references, not quadratic in the number of layers
    Map<String, List<Pending>> waiting = new HashMap<>();
    java.util.ArrayDeque<Pending> ready = new java.util.ArrayDeque<>(pending);
    int connected = 0;
    while (!ready.isEmpty()) {
      Pending p = ready.poll();
      String name = p.name();
      String missing = connect(byName.get(name), name, asList(p.spec().get("inbound_nodes")), outputs);
      if (missing == null) {
        connected++;
        List<Pending> woken = waiting.remove(name);
        if (woken != null) {
          ready.addAll(woken);
        }
      } else if (outputs.containsKey(missing)) {
        waiting.computeIfAbsent(missing, k -> new ArrayList<>()).add(p);
      } else {
        throw new KerasFileException("Layer " + name + " of the model config takes its input from an unknown layer "
            + missing);
      }
    }
    if (connected < pending.size()) {
      throw new KerasFileException("The model config's graph is disconnected or cyclic at layers " + waiting.values()
          .stream().flatMap(List::stream).map(Pending::name).toList());
    }
    Model m = new Model(endpoints(config.get("input_layers"), outputs), endpoints(config.get("output_layers"), outputs));
    m.orderLayers(new ArrayList<>(byName.keySet())); // the config's order is Keras' (its graph had the mask operations)
    if (config.get("name") instanceof String name) {
      m.name(name);
    }
    return m;
  }

  /** A layer spec not applied yet, under its name. */
  private record Pending(String name, Map<String, Object> spec) {}

  /**
   * Calls {@code layer} on each of its inbound nodes once all their inputs exist; returns null when it did, else
   * the name of a layer whose output is not made yet.
   */
  private static String connect(Layer layer, String name, List<Object> nodes, Map<String, List<List<KerasTensor>>> out) {
    List<List<KerasTensor>> calls = new ArrayList<>();
    for (Object node : nodes) {
      List<KerasTensor> args = new ArrayList<>();
      List<List<Object>> refs = references(node);
      if (layer instanceof CallArguments && node instanceof Map<?, ?> m) {
        collectKerasTensors(m.get("kwargs"), refs); // keyword tensors (a key, a mask) must exist too
      }
      for (List<Object> ref : refs) {
        String source = String.valueOf(ref.get(0));
        List<List<KerasTensor>> made = out.get(source);
        int nodeIndex = index(ref, 1, "node index of an inbound node of layer " + name);
        if (made == null || made.size() <= nodeIndex) {
          return source;
        }
        args.add(tensor(made.get(nodeIndex), index(ref, 2, "tensor index of an inbound node of layer " + name),
            source));
      }
      calls.add(args);
    }
    if (layer instanceof CallArguments ca && nodes.stream().allMatch(n -> n instanceof Map)) {
      for (Object node : nodes) {
        Map<String, Object> m = asMap(node);
        List<Object> args = asList(resolve(m.get("args"), out));
        Object kwargs = m.get("kwargs") == null ? Map.of() : resolve(m.get("kwargs"), out);
        try {
          out.get(name).add(ca.applyNode(args, asMap(kwargs)));
        } catch (IllegalArgumentException e) {
          throw new KerasFileException("Layer " + name + " of the model config: " + e.getMessage(), e);
        }
      }
      return null;
    }
    for (List<KerasTensor> args : calls) {
      if (args.isEmpty()) {
        throw new KerasFileException("An inbound node of layer " + name + " in the model config has no inputs");
      }
      out.get(name).add(args.size() == 1 ? List.of(layer.apply(args.get(0))) : layer.apply(args));
    }
    return null;
  }

  /** A node's {@code args} or {@code kwargs} with each {@code __keras_tensor__} replaced by its tensor. */
  private static Object resolve(Object o, Map<String, List<List<KerasTensor>>> out) {
    if (o instanceof Map<?, ?> m && "__keras_tensor__".equals(m.get("class_name"))) {
      List<Object> ref = asList(asMap(m.get("config")).get("keras_history"));
      String source = String.valueOf(ref.get(0));
      return tensor(out.get(source).get(index(ref, 1, "node index")), index(ref, 2, "tensor index"), source);
    }
    if (o instanceof List<?> l) {
      List<Object> r = new ArrayList<>();
      for (Object x : l) {
        r.add(resolve(x, out));
      }
      return r;
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> r = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> r.put(String.valueOf(k), resolve(v, out)));
      return r;
    }
    return o;
  }

  /** Element {@code i} of a [layer, node, tensor] reference as a non-negative int. */
  private static int index(List<Object> ref, int i, String what) {
    if (ref.size() < 3 || !(ref.get(i) instanceof Number n) || n.intValue() < 0 || n.doubleValue() != n.intValue()) {
      throw new KerasFileException("The model config has an invalid " + what + ": expected [layer, node, tensor] "
          + "with non-negative integers. Received: " + ref);
    }
    return n.intValue();
  }

  private static KerasTensor tensor(List<KerasTensor> node, int i, String layer) {
    if (i >= node.size()) {
      throw new KerasFileException("The model config refers to output " + i + " of layer " + layer + ", which has "
          + node.size() + " outputs");
    }
    return node.get(i);
  }

  /** The [layer, node, tensor] references of one inbound node, Keras 2 or Keras 3 style. */
  private static List<List<Object>> references(Object node) {
    List<List<Object>> refs = new ArrayList<>();
    if (node instanceof Map<?, ?> m) {
      collectKerasTensors(m.get("args"), refs);
      if (m.get("kwargs") instanceof Map<?, ?> kwargs) {
        collectKerasTensors(kwargs.get("initial_state"), refs); // an RNN's initial states follow its sequences
      }
    } else {
      for (Object r : asList(node)) {
        refs.add(asList(r));
      }
    }
    return refs;
  }

  private static void collectKerasTensors(Object o, List<List<Object>> refs) {
    if (o instanceof Map<?, ?> m && "__keras_tensor__".equals(m.get("class_name"))) {
      refs.add(asList(asMap(m.get("config")).get("keras_history")));
    } else if (o instanceof List<?> l) {
      for (Object x : l) {
        collectKerasTensors(x, refs);
      }
    }
  }

  /** input_layers/output_layers: one [name, node, tensor] triple, or a list of them. */
  private static List<KerasTensor> endpoints(Object spec, Map<String, List<List<KerasTensor>>> out) {
    List<Object> l = asList(spec);
    List<List<Object>> triples = new ArrayList<>();
    if (!l.isEmpty() && l.get(0) instanceof String) {
      triples.add(l);
    } else {
      for (Object t : l) {
        triples.add(asList(t));
      }
    }
    List<KerasTensor> result = new ArrayList<>();
    for (List<Object> t : triples) {
      List<List<KerasTensor>> made = t.isEmpty() ? null : out.get(String.valueOf(t.get(0)));
      if (made == null) {
        throw new KerasFileException("The model config names an unknown endpoint layer " + t);
      }
      int node = index(t, 1, "model endpoint");
      if (node >= made.size()) {
        throw new KerasFileException("The model config names node " + node + " of endpoint layer " + t.get(0)
            + ", which has " + made.size() + " nodes");
      }
      result.add(tensor(made.get(node), index(t, 2, "model endpoint"), String.valueOf(t.get(0))));
    }
    return result;
  }
}
