package io.keras4j.backend.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;

/**
 * Reads a SavedModel's {@code saved_model.pb} without loading its variables: the MetaGraph of a tag and the
 * variables' names and trainable flags recorded in its object graph.
 *
 * <p>Keras equivalent: what {@code tf.saved_model.load} reads first (tensorflow/python/saved_model/loader_impl.py).
 */
final class SavedModelFiles {
  private SavedModelFiles() {}

  /** The MetaGraph tagged {@code tag} of the SavedModel in {@code dir}. */
  static MetaGraphDef metaGraph(Path dir, String tag) {
    Path pb = dir.resolve("saved_model.pb");
    if (!Files.isRegularFile(pb)) {
      throw new IllegalArgumentException(dir + " is not a SavedModel directory: expected " + pb + ". Received: "
          + (Files.exists(dir) ? "a directory without saved_model.pb" : "no such directory"));
    }
    SavedModel model;
    try (InputStream in = Files.newInputStream(pb)) {
      model = SavedModel.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + pb, e);
    }
    for (MetaGraphDef m : model.getMetaGraphsList()) {
      if (m.getMetaInfoDef().getTagsList().contains(tag)) {
        return m;
      }
    }
    throw new IllegalArgumentException("The SavedModel " + dir + " has no MetaGraph tagged '" + tag + "'");
  }

  /** Each variable's name in the object graph, with whether it is trainable. */
  static Map<String, Boolean> variableFlags(MetaGraphDef meta) {
    Map<String, Boolean> flags = new HashMap<>();
    for (SavedObject o : meta.getObjectGraphDef().getNodesList()) {
      if (o.hasVariable()) {
        flags.merge(o.getVariable().getName(), o.getVariable().getTrainable(), Boolean::logicalOr);
      }
    }
    return flags;
  }

  /**
   * The object-graph name of the variable {@code handle} creates: its shared name, or that name less a "_N"
   * suffix where TensorFlow made a second handle to a variable tracked twice (Keras' export archives do).
   */
  static String variableName(NodeDef handle, Set<String> known) {
    String shared = handle.containsAttr("shared_name") ? handle.getAttrOrThrow("shared_name").getS().toStringUtf8()
        : "";
    String name = shared.isEmpty() ? handle.getName() : shared;
    if (known.contains(name)) {
      return name;
    }
    String stripped = name.replaceFirst("_\\d+$", "");
    return known.contains(stripped) ? stripped : name;
  }
}
