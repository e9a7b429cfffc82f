package io.keras4j.saving.formats;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.saving.KerasFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the arrays a legacy {@code .h5} file holds for one layer in the order of the layer's weights, by the names
 * the file records ({@code weight_names}: {@code "dense/kernel"}, tf.keras 2's {@code "dense/kernel:0"}, a nested
 * model's {@code "conv1/kernel"} or {@code "head/seq_d/kernel"}).
 *
 * <p>Keras equivalent: {@code legacy_h5_format.load_weights_from_hdf5_group}, which sets a layer's arrays in its
 * {@code trainable_weights + non_trainable_weights} order, the order the file was written in. Porting note: a
 * nested model's arrays come in that order across all its layers (trainable ones of every layer first), so keras4j
 * matches them by name, the inner layer's name and the variable's, and refuses a name it cannot place.
 */
final class LegacyWeightNames {
  private LegacyWeightNames() {}

  /**
   * The arrays of a layer in {@code layer.weights()} order: by the last part of each recorded name where those
   * name the layer's variables one to one, else in the file's order (after the legacy conversions, whose arrays
   * no longer match the recorded names).
   */
  static List<HostArray> ordered(Layer layer, String[] names, List<HostArray> values) {
    List<Variable> vars = layer.weights();
    if (values.size() != names.length || values.size() != vars.size()) {
      return values;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      if (index.put(vars.get(i).name(), i) != null) {
        return values; // two variables of one name (Bidirectional's halves): the file's order decides
      }
    }
    HostArray[] out = new HostArray[vars.size()];
    for (int i = 0; i < names.length; i++) {
      Integer k = index.get(variableName(names[i]));
      if (k == null || out[k] != null) {
        return values;
      }
      out[k] = values.get(i);
    }
    return Arrays.asList(out);
  }

  /** The arrays of a nested model in {@code model.weights()} order, each placed by its inner layer and name. */
  static List<HostArray> nested(Model model, String[] names, List<HostArray> saved, Path file) {
    Map<String, Layer> leaves = new HashMap<>();
    collectLeaves(model, leaves);
    Map<Variable, HostArray> found = new IdentityHashMap<>();
    for (int i = 0; i < names.length; i++) {
      String[] parts = strip(names[i]).split("/");
      Variable v = null;
      for (int p = parts.length - 2; p >= 0 && v == null; p--) {
        Layer l = leaves.get(parts[p]);
        if (l != null) {
          v = unused(l, parts[parts.length - 1], found);
        }
      }
      if (v == null) {
        throw new KerasFileException("Weight " + names[i] + " of nested model '" + model.name() + "' in " + file
            + " finds no layer of its name with a weight " + parts[parts.length - 1] + ". Layers of the model: "
            + leaves.keySet());
      }
      if (!v.shape().equals(saved.get(i).shape())) {
        throw new KerasFileException("Shape mismatch for weight " + names[i] + " of nested model '" + model.name()
            + "': the model expects " + v.shape() + ", the file " + file + " holds " + saved.get(i).shape());
      }
      found.put(v, saved.get(i));
    }
    List<HostArray> out = new ArrayList<>();
    for (Variable v : model.weights()) {
      HostArray a = found.get(v);
      if (a == null) {
        throw new KerasFileException("Nested model '" + model.name() + "': weight " + v.path() + " has no value in "
            + file + ", which holds " + Arrays.toString(names));
      }
      out.add(a);
    }
    return out;
  }

  private static void collectLeaves(Model model, Map<String, Layer> leaves) {
    for (Layer l : model.layers()) {
      if (l instanceof Model inner) {
        collectLeaves(inner, leaves);
      } else if (!l.weights().isEmpty()) {
        leaves.put(l.name(), l);
      }
    }
  }

  /** The first weight of {@code layer} named {@code name} that has no value yet. */
  private static Variable unused(Layer layer, String name, Map<Variable, HostArray> found) {
    for (Variable v : layer.weights()) {
      if (v.name().equals(name) && !found.containsKey(v)) {
        return v;
      }
    }
    return null;
  }

  /** The variable's own name in a recorded weight name: {@code "kernel"} of {@code "dense/kernel:0"}. */
  static String variableName(String recorded) {
    String s = strip(recorded);
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** A recorded name without tf.keras' {@code :0} suffix. */
  private static String strip(String recorded) {
    return recorded.replaceFirst(":\\d+$", "");
  }
}
