package io.keras4j.callbacks;

import io.keras4j.layers.Embedding;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.utils.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code log_dir/projector_config.pbtxt}, which points TensorBoard's embedding projector at each Embedding
 * layer's weights.
 *
 * <p>Keras equivalent: {@code TensorBoard._configure_embeddings} (keras/src/callbacks/tensorboard.py): one
 * {@code embeddings} entry per Embedding layer with Keras' fixed {@code tensor_name} and the layer's metadata file,
 * in protobuf text format ({@code ProjectorConfig} of tensorboard/plugins/projector/projector_config.proto).
 */
final class ProjectorConfig {
  /** The tensor name Keras writes for every Embedding layer. */
  static final String TENSOR_NAME = "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE";

  private ProjectorConfig() {}

  /** The config's text for {@code model}; {@code metadata} is null, one file name, or a map of layer names to files. */
  static String text(Model model, Object metadata) {
    Map<String, String> byLayer = metadata instanceof Map<?, ?> m ? copy(m) : null;
    StringBuilder s = new StringBuilder();
    for (Layer layer : model.layers()) {
      if (!(layer instanceof Embedding)) {
        continue;
      }
      s.append("embeddings {\n  tensor_name: \"").append(escape(TENSOR_NAME)).append("\"\n");
      String file = metadata instanceof String f ? f : byLayer != null ? byLayer.remove(layer.name()) : null;
      if (file != null) {
        s.append("  metadata_path: \"").append(escape(file)).append("\"\n");
      }
      s.append("}\n");
    }
    if (byLayer != null && !byLayer.isEmpty()) {
      throw new IllegalArgumentException("Unrecognized `Embedding` layer names passed to "
          + "`keras.callbacks.TensorBoard` `embeddings_metadata` argument: " + byLayer.keySet() + " (model '"
          + model.name() + "')");
    }
    return s.toString();
  }

  /** Writes the config of {@code model} into {@code logDir}. */
  static void write(Model model, Object metadata, Path logDir) {
    String text = text(model, metadata);
    try {
      Files.createDirectories(logDir);
      AtomicFiles.write(logDir.resolve("projector_config.pbtxt"), tmp -> Files.writeString(tmp, text));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the projector config in " + logDir, e);
    }
  }

  private static Map<String, String> copy(Map<?, ?> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
