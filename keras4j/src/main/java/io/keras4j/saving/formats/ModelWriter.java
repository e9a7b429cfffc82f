package io.keras4j.saving.formats;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a model's config as Keras 3 writes it: {@code module}, {@code class_name}, {@code config},
 * {@code registered_name}, {@code build_config}.
 *
 * <p>Keras equivalent: {@code serialize_keras_object(model)} (Sequential.get_config, Functional.get_config).
 */
public final class ModelWriter {
  private ModelWriter() {}

  /** The Keras 3 config of {@code model}. */
  public static Map<String, Object> config(Model model) {
    if (model.isSubclassed()) {
      return SubclassedModels.config(model);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    boolean sequential = model instanceof Sequential;
    out.put("module", sequential ? "keras" : "keras.src.models.functional");
    out.put("class_name", sequential ? "Sequential" : "Functional");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", model.name());
    config.put("trainable", model.trainable());
    config.put("layers", sequential ? sequentialLayers((Sequential) model) : functionalLayers(model));
    if (!sequential) {
      config.put("input_layers", endpoints(model.inputs(), model));
      config.put("output_layers", endpoints(model.outputs(), model));
    } else if (!model.inputs().isEmpty()) {
      config.put("build_input_shape", model.inputs().get(0).shape().toJson());
    }
    out.put("config", config);
    out.put("registered_name", sequential ? null : "Functional");
    if (!model.inputs().isEmpty()) {
      out.put("build_config", Map.of("input_shape", model.inputs().get(0).shape().toJson()));
    }
    return out;
  }

  private static List<Object> sequentialLayers(Sequential model) {
    List<Object> layers = new ArrayList<>();
    if (!model.inputs().isEmpty()) {
      layers.add(entry((Layer) model.inputs().get(0).layer()));
    }
    for (Layer l : model.layers()) {
      layers.add(entry(l));
    }
    return layers;
  }

  /** One layer's entry: a nested model's whole config, or module/class/config/build_config. */
  static Map<String, Object> entry(Layer layer) {
    if (layer instanceof Model m) {
      return config(m);
    }
    if (layer instanceof io.keras4j.layers.Operation op) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("module", op.kerasModule());
      e.put("class_name", op.function());
      e.put("config", op.getConfig());
      e.put("registered_name", op.function());
      return e;
    }
    if (layer instanceof io.keras4j.layers.Lambda) {
      throw new IllegalArgumentException("Layer '" + layer.name() + "' (Lambda) wraps a Java function, which cannot be "
          + "saved in a Keras file; rebuild it in code and load the other weights with loadWeights");
    }
    Map<String, Object> e = new LinkedHashMap<>();
    boolean builtIn = io.keras4j.saving.KerasObjects.isBuiltIn(layer.getClass());
    String registered = io.keras4j.saving.KerasObjects.registeredName(layer.getClass());
    e.put("module", builtIn ? layer.kerasModule() : null); // a custom class as Keras writes one
    e.put("class_name", layer.getClass().getSimpleName());
    e.put("config", withCustomFunctions(layer.getConfig()));
    e.put("registered_name", builtIn ? null : registered != null ? registered : layer.getClass().getSimpleName());
    if (layer.built() && !(layer instanceof InputLayer) && layer.buildShapes() != null) {
      List<Object> shapes = new ArrayList<>();
      layer.buildShapes().forEach(s -> shapes.add(s.toJson()));
      Map<String, Object> rnnBuild = layer instanceof io.keras4j.layers.BaseRNN<?> r ? r.buildConfig()
          : takesInitialState(layer) && shapes.size() > 1 ? Map.of("shapes_dict", Map.of("sequences_shape",
              shapes.get(0), "initial_state_shape", shapes.subList(1, shapes.size()))) : null;
      if (layer instanceof io.keras4j.layers.CallArguments ca) {
        rnnBuild = ca.buildConfig(shapes);
      }
      e.put("build_config", rnnBuild != null ? rnnBuild
          : Map.of("input_shape", shapes.size() == 1 ? shapes.get(0) : shapes));
    }
    return e;
  }

  /**
   * A layer config whose activations naming registered custom functions are written in Keras' serialized form
   * ({@code {"class_name": "function", "registered_name": "package>name", ...}}), so that Keras finds them.
   */
  private static Map<String, Object> withCustomFunctions(Map<String, Object> config) {
    for (String key : List.of("activation", "recurrent_activation")) {
      if (config.get(key) instanceof String name) {
        config.put(key, io.keras4j.saving.KerasObjects.serializeFunction(name));
      }
    }
    return config;
  }

  /** Layers whose inputs after the first are Keras' {@code initial_state} keyword: RNNs, Bidirectional, ConvLSTM. */
  private static boolean takesInitialState(Layer layer) {
    return layer instanceof io.keras4j.layers.BaseRNN<?> || layer instanceof io.keras4j.layers.Bidirectional
        || layer instanceof io.keras4j.layers.ConvLSTM<?>;
  }

  private static List<Object> functionalLayers(Model model) {
    List<Object> out = new ArrayList<>();
    for (Layer layer : model.operations()) {
      Map<String, Object> e = entry(layer);
      e.put("name", layer.name());
      List<Object> inbound = new ArrayList<>();
      for (Node n : model.graphNodes()) {
        if (n.layer() != layer || n.isInput()) {
          continue;
        }
        List<Object> args = new ArrayList<>();
        for (KerasTensor t : n.inputs()) {
          args.add(kerasTensor(t, model));
        }
        Map<String, Object> node = new LinkedHashMap<>();
        if (n.layer() instanceof io.keras4j.layers.CallArguments ca) {
          node.putAll(ca.nodeArguments(args)); // keyword arguments as Keras records them
          inbound.add(node);
          continue;
        }
        if (takesInitialState(layer) && args.size() > 1) {
          // Keras' rnn(sequences, initial_state=[...])
          node.put("args", List.of(args.get(0)));
          node.put("kwargs", Map.of("initial_state", new ArrayList<>(args.subList(1, args.size()))));
          inbound.add(node);
          continue;
        }
        node.put("args", args.size() == 1 ? args : List.of(args));
        node.put("kwargs", Map.of());
        inbound.add(node);
      }
      e.put("inbound_nodes", inbound);
      out.add(e);
    }
    return out;
  }

  private static Map<String, Object> kerasTensor(KerasTensor t, Model model) {
    Layer producer = (Layer) t.layer();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("shape", t.shape().toJson());
    config.put("dtype", t.dtype());
    config.put("keras_history", List.of(producer.name(), nodeIndex(producer, t, model), t.tensorIndex()));
    return Map.of("class_name", "__keras_tensor__", "config", config);
  }

  /** The index of the node that made {@code t} among {@code layer}'s nodes in this model. */
  private static int nodeIndex(Layer layer, KerasTensor t, Model model) {
    int i = 0;
    for (Node n : model.graphNodes()) {
      if (n.layer() == layer) {
        if (n.outputs().contains(t)) {
          return i;
        }
        i++;
      }
    }
    return 0;
  }

  private static Object endpoints(List<KerasTensor> tensors, Model model) {
    List<Object> triples = new ArrayList<>();
    for (KerasTensor t : tensors) {
      Layer producer = (Layer) t.layer();
      triples.add(List.of(producer.name(), nodeIndex(producer, t, model), t.tensorIndex()));
    }
    return triples.size() == 1 ? triples.get(0) : triples;
  }

  /** The model's config as Keras 3's JSON (Keras' {@code model.to_json()}). */
  public static String toJson(Model model) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config(model));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the config of model '" + model.name() + "'", e);
    }
  }

  /** Exports {@code model} as a TensorFlow SavedModel for inference (Keras' {@code model.export(path)}), atomically. */
  public static void export(Model model, java.nio.file.Path dir) {
    if (model.inputs().isEmpty()) {
      throw new IllegalStateException("Model '" + model.name() + "' has no known input shape yet; build it first");
    }
    List<String> names = model.inputs().stream().map(t -> ((Layer) t.layer()).name()).toList();
    List<Shape> shapes = model.inputs().stream().map(KerasTensor::shape).toList();
    try {
      io.keras4j.utils.AtomicFiles.writeDirectory(dir,
          tmp -> io.keras4j.backend.Backend.exportSavedModel(tmp, names, shapes, ts -> model.applyAll(ts, false)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot export a SavedModel to " + dir + ": " + e.getMessage(), e);
    }
  }
}
