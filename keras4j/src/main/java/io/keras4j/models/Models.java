package io.keras4j.models;

import io.keras4j.saving.KerasFileException;
import io.keras4j.saving.formats.LegacyH5;
import io.keras4j.saving.formats.ModelConfigs;
import java.nio.file.Path;

/**
 * Loads models saved by Keras or keras4j.
 *
 * <p>Keras equivalent: {@code keras.models.load_model} and {@code keras.models.model_from_json}.
 * <pre>{@code Model m = Models.loadModel(Path.of("d6_m7.h5")); NDArray p = m.predict(x);}</pre>
 */
public final class Models {
  private Models() {}

  /**
   * The model in {@code file}, its format chosen by the suffix: {@code .keras} (Keras 3) or
   * {@code .h5}/{@code .hdf5} (legacy tf.keras 2), or a TensorFlow.js layers model: its {@code model.json} or the
   * directory holding it.
   */
  public static Model loadModel(Path file) {
    // the engine starts loading its native library while the file is read; training's warm-up waits for compile
    io.keras4j.backend.Backend.engineForInference();
    if (io.keras4j.saving.formats.TfjsLayersFormat.recognizes(file)) {
      return io.keras4j.saving.formats.TfjsLayersFormat.load(file);
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return LegacyH5.loadModel(file);
    }
    if (name.endsWith(".keras")) {
      return io.keras4j.saving.formats.KerasZip.load(file);
    }
    throw new KerasFileException("Unsupported model file " + file + ": expected .keras, .h5, .hdf5 or a tfjs model.json");
  }

  /**
   * The model in {@code file}, custom classes and functions also found by name in {@code customObjects} (Keras'
   * {@code load_model(filepath, custom_objects=...)}): each value a config reader such as {@code MyLayer::fromConfig},
   * a class with a static {@code fromConfig(Map)}, or an object used as it is (an activation function). Names are
   * looked up as Keras does: open {@link io.keras4j.saving.CustomObjectScope}s, then registered classes
   * ({@link io.keras4j.saving.KerasObjects#registerKerasSerializable}), then {@code customObjects}, then built-ins.
   * <pre>{@code Model m = Models.loadModel(Path.of("scaled.keras"), Map.of("Scale", Scale.class));}</pre>
   */
  public static Model loadModel(Path file, java.util.Map<String, ?> customObjects) {
    return io.keras4j.saving.KerasObjects.withCustomObjects(customObjects, () -> loadModel(file));
  }

  /** The model of a JSON config with custom objects (Keras' {@code model_from_json(json, custom_objects)}). */
  public static Model modelFromJson(String json, java.util.Map<String, ?> customObjects) {
    return io.keras4j.saving.KerasObjects.withCustomObjects(customObjects, () -> modelFromJson(json));
  }

  /** The model of a JSON config (Keras' {@code model.to_json()}), with fresh weights. */
  public static Model modelFromJson(String json) {
    return ModelConfigs.fromJson(json);
  }
}
