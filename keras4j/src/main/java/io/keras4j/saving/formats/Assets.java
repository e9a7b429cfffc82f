package io.keras4j.saving.formats;

import io.keras4j.models.Model;
import io.keras4j.saving.HasAssets;
import io.keras4j.saving.KerasFileException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The asset files of a {@code .keras} file: {@code assets/<object path>/<file>}, written by the layers that keep
 * state outside their weights ({@link HasAssets}, such as an adapted IntegerLookup's {@code vocabulary.txt}).
 *
 * <p>Keras equivalent: {@code saving_lib}'s {@code assets_store}; an object's path is the same as its weights'
 * ({@code layers/<snake_case class name>[_n]}, nested models under {@code .../layers/}), see {@link WeightsH5}.
 */
final class Assets {
  private Assets() {}

  /** Each layer that has assets, by its path. */
  static Map<String, HasAssets> owners(Model model) {
    Map<String, HasAssets> out = new LinkedHashMap<>();
    LayerPaths.walk(model, (path, layer) -> {
      if (layer instanceof HasAssets a) {
        out.put(path, a);
      }
    });
    return out;
  }

  /** The zip entries to write: {@code assets/<path>/<file>} to bytes. */
  static Map<String, byte[]> entries(Model model) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, HasAssets> e : owners(model).entrySet()) {
      for (Map.Entry<String, byte[]> f : e.getValue().saveAssets().entrySet()) {
        out.put("assets/" + e.getKey() + "/" + f.getKey(), f.getValue());
      }
    }
    return out;
  }

  /** Hands each layer with assets the files under its path in {@code entries} (zip names to bytes). */
  static void load(Model model, Map<String, byte[]> entries) {
    for (Map.Entry<String, HasAssets> e : owners(model).entrySet()) {
      String prefix = "assets/" + e.getKey() + "/";
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (Map.Entry<String, byte[]> f : entries.entrySet()) {
        String rest = f.getKey().startsWith(prefix) ? f.getKey().substring(prefix.length()) : null;
        if (rest != null && !rest.isEmpty() && !rest.contains("/")) {
          files.put(rest, f.getValue());
        }
      }
      try {
        e.getValue().loadAssets(files);
      } catch (IllegalArgumentException ex) {
        throw new KerasFileException("The assets of " + e.getKey() + " cannot be read: " + ex.getMessage(), ex);
      }
    }
  }
}
