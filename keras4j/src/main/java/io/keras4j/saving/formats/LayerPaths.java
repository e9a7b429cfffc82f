package io.keras4j.saving.formats;

import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Pipeline;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.utils.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The path Keras 3's saving_lib gives each layer of a model, shared by the weights ({@code .weights.h5}) and the
 * assets ({@code assets/}) of a file: {@code layers/<snake_case class name>}, {@code _1}, {@code _2}... for repeats,
 * and the layers of a nested model or a Pipeline below {@code <path>/layers}. Keras' {@code _save_container_state}
 * numbers a model's {@code layers} in their order ({@code model.layers}: operation nodes are not layers).
 */
final class LayerPaths {
  private LayerPaths() {}

  /** Calls {@code visit(path, layer)} for every layer of {@code model} that is not a container or an input. */
  static void walk(Model model, BiConsumer<String, Layer> visit) {
    if (model.isSubclassed()) {
      SubclassedModels.walk("", model, visit);
      return;
    }
    walk("layers", containerOf(model), visit);
  }

  /** Calls {@code visit} for the layers of a model nested at {@code path} (an attribute of a subclassed model). */
  static void walkNested(String path, Model model, BiConsumer<String, Layer> visit) {
    walk(path + "/layers", containerOf(model), visit);
  }

  /** A model's tracked layers in Keras' order: a Sequential's InputLayer first (it counts in the numbering). */
  private static List<Layer> containerOf(Model model) {
    List<Layer> layers = new ArrayList<>();
    if (model instanceof Sequential s && !s.inputs().isEmpty()) {
      layers.add((Layer) s.inputs().get(0).layer());
    }
    layers.addAll(model.layers());
    return layers;
  }

  /**
   * The snake-case class name Keras saves a layer under; a functional model is a {@code Functional} there
   * ({@code layers/functional}, {@code layers/functional_1}), never {@code model}.
   */
  static String savedClassName(Layer l) {
    return l.getClass() == Model.class ? "functional" : Names.toSnakeCase(l.getClass().getSimpleName());
  }

  private static void walk(String prefix, List<Layer> layers, BiConsumer<String, Layer> visit) {
    Map<String, Integer> used = new HashMap<>();
    for (Layer l : layers) {
      String base = savedClassName(l);
      Integer n = used.get(base);
      used.put(base, n == null ? 0 : n + 1);
      String path = prefix + "/" + (n == null ? base : base + "_" + (n + 1));
      if (l instanceof Model m && m.isSubclassed()) {
        SubclassedModels.walk(path, m, visit); // its attributes' paths, as Keras' walk of a subclassed model
      } else if (l instanceof Model m) {
        walk(path + "/layers", containerOf(m), visit);
      } else if (l instanceof Pipeline p) {
        walk(path + "/layers", p.layers(), visit); // Keras saves a Pipeline's layers as a model's
      } else if (!(l instanceof InputLayer)) {
        visit.accept(path, l);
      }
    }
  }
}
