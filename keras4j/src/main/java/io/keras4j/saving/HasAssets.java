package io.keras4j.saving;

import java.util.Map;

/**
 * An object whose state Keras saves as asset files beside the weights, such as an adapted lookup layer's
 * vocabulary.
 *
 * <p>Keras equivalent: {@code save_assets(dir_path)} / {@code load_assets(dir_path)}; the files lie in the
 * {@code .keras} zip under {@code assets/<the object's path>/} (for a model's layer, {@code assets/layers/<name>/}).
 */
public interface HasAssets {
  /** The asset files to save, by file name; empty when the state is all in the config. */
  Map<String, byte[]> saveAssets();

  /** Restores the state from the asset files saved by {@link #saveAssets}, by file name. */
  void loadAssets(Map<String, byte[]> assets);
}
