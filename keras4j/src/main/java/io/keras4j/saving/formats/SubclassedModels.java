package io.keras4j.saving.formats;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.saving.KerasFileException;
import io.keras4j.saving.KerasObjects;
import io.keras4j.saving.KerasSerializable;
import io.keras4j.utils.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Subclassed models in Keras 3 files: the config of a registered {@code Model} subclass and the paths of its
 * layers' weights.
 *
 * <p>Keras equivalent: {@code serialize_keras_object(model)} / {@code deserialize_keras_object} of a class decorated
 * with {@code @register_keras_serializable} (its {@code get_config}, {@code build_config} and
 * {@code from_config} + {@code build_from_config}), and {@code saving_lib._save_state}'s walk over the model's
 * attributes: sorted by name (names starting with "_" last), the property {@code layers} among them, each layer
 * saved once at the first attribute path that reaches it ({@code dense/vars/0}, {@code layers/nested_block/...}).
 */
public final class SubclassedModels {
  private SubclassedModels() {}

  /** Keras' config of a subclassed model: module, class_name, config, registered_name, build_config. */
  public static Map<String, Object> config(Model model) {
    Map<String, Object> out = new LinkedHashMap<>();
    String registered = KerasObjects.registeredName(model.getClass());
    out.put("module", null);
    out.put("class_name", model.kerasClassName());
    out.put("config", serializedValues(model.getConfig()));
    out.put("registered_name", registered != null ? registered : model.kerasClassName());
    if (model.built() && model.buildShapes() != null && !model.buildShapes().isEmpty()) {
      out.put("build_config", Map.of("input_shape", model.buildShapes().get(0).toJson()));
    }
    return out;
  }

  /** A config's values with each Keras object (an initializer, a layer) in Keras' serialized form. */
  private static Map<String, Object> serializedValues(Map<String, Object> config) {
    Map<String, Object> out = new LinkedHashMap<>();
    config.forEach((k, v) -> out.put(k, v instanceof KerasSerializable ? KerasObjects.serialize(v) : v));
    return out;
  }

  /**
   * The model a subclassed model's spec describes: the registered class (or the one given in custom objects) made
   * by its {@code fromConfig}, then built for the {@code build_config} input shape.
   *
   * @throws KerasFileException when no lookup finds the class, saying how to register it
   */
  public static Model fromConfig(Map<String, Object> spec) {
    String cls = String.valueOf(spec.get("class_name"));
    String registered = spec.get("registered_name") instanceof String r ? r : null;
    Map<String, Object> config = spec.get("config") instanceof Map<?, ?> ? ModelConfigs.asMap(spec.get("config"))
        : Map.of();
    Object made;
    try {
      made = KerasObjects.custom(registered != null ? registered : cls, config);
      if (made == null && registered != null) {
        made = KerasObjects.custom(cls, config);
      }
    } catch (IllegalArgumentException e) {
      throw new KerasFileException("Cannot build model " + cls + " from its config: " + e.getMessage(), e);
    }
    if (made == null) {
      throw new KerasFileException("Not a model config: class_name=" + cls + " is not Sequential, Functional or "
          + "Model, nor a known custom class. " + KerasObjects.notFound("class", cls, registered));
    }
    if (!(made instanceof Model model)) {
      throw new KerasFileException("The custom class '" + (registered != null ? registered : cls) + "' is a "
          + made.getClass().getName() + ", not a Model");
    }
    if (spec.get("build_config") instanceof Map<?, ?> build && build.get("input_shape") instanceof List<?> dims) {
      model.buildFor(shape(dims, cls));
    }
    return model;
  }

  private static Shape shape(List<?> dims, String cls) {
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      Object d = dims.get(i);
      if (d != null && !(d instanceof Number)) {
        throw new KerasFileException("The build_config of model " + cls + " has an invalid input_shape: " + dims);
      }
      out[i] = d == null ? Shape.UNKNOWN : ((Number) d).longValue();
    }
    return Shape.of(out);
  }

  /**
   * Calls {@code visit(path, layer)} for every layer of a subclassed model below {@code prefix} ("" at the top), in
   * Keras' walk order; a nested model is walked below its own path.
   */
  static void walk(String prefix, Model model, BiConsumer<String, Layer> visit) {
    walk(prefix, model, visit, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(String prefix, Model model, BiConsumer<String, Layer> visit, Set<Layer> visited) {
    visited.add(model);
    Map<String, Object> attributes = new LinkedHashMap<>(model.trackedAttributes());
    attributes.put("layers", model.layers());
    List<String> names = new ArrayList<>(attributes.keySet());
    names.sort((a, b) -> nameKey(a).compareTo(nameKey(b)));
    for (String name : names) {
      String path = prefix.isEmpty() ? name : prefix + "/" + name;
      Object value = attributes.get(name);
      if (value instanceof List<?> list) {
        Map<String, Integer> used = new LinkedHashMap<>();
        for (Object item : list) {
          Layer l = (Layer) item;
          String base = Names.toSnakeCase(l.getClass().getSimpleName());
          Integer n = used.merge(base, 1, Integer::sum) - 1; // visited layers take their number too, as in Keras
          visitOnce(path + "/" + (n == 0 ? base : base + "_" + n), l, visit, visited);
        }
      } else {
        visitOnce(path, (Layer) value, visit, visited);
      }
    }
  }

  private static void visitOnce(String path, Layer layer, BiConsumer<String, Layer> visit, Set<Layer> visited) {
    if (!visited.add(layer)) {
      return;
    }
    if (layer instanceof Model m && m.isSubclassed()) {
      walk(path, m, visit, visited);
    } else if (layer instanceof Model m) {
      LayerPaths.walkNested(path, m, visit);
    } else {
      visit.accept(path, layer);
    }
  }

  /** Keras' {@code _name_key}: private attributes ("_x") sort last. */
  private static String nameKey(String name) {
    return name.startsWith("_") ? "~" + name : name;
  }

  /** The model's own weights (made with addWeight on the model, not by its layers), saved at {@code vars/<i>}. */
  static List<Variable> ownWeights(Model model) {
    List<Variable> own = new ArrayList<>(model.weights());
    for (Layer l : model.layers()) {
      own.removeAll(l.weights());
    }
    return own;
  }
}
