package io.keras4j.saving.formats;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.saving.KerasFileException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tf.keras 2's legacy HDF5 files: whole models ({@code model.save("m.h5")}) and weights
 * ({@code model.save_weights("w.h5")}).
 *
 * <p>Keras equivalent: {@code keras.src.legacy.saving.legacy_h5_format}. A model file holds its JSON config in the
 * root attribute {@code model_config} and its weights under {@code model_weights}; a weights file holds them at the
 * root. Weights sit at {@code <layer>/<layer>/kernel:0}, listed in order by each layer group's
 * {@code weight_names} attribute. They load into the layers of the names the file records
 * ({@code layer_names}), each weight by its recorded name where the layer's weights carry those names
 * ({@link LegacyWeightNames}).
 */
public final class LegacyH5 {
  /** HDF5 files up to this size (64 MiB) are read into memory whole; larger ones are memory-mapped. */
  static final long IN_MEMORY_BYTES = 64L << 20;

  private LegacyH5() {}

  /** The model saved in a legacy {@code .h5} file, with its weights. */
  public static Model loadModel(Path file) {
    return LoadGuard.guard(file, () -> loadModelUnguarded(file));
  }

  private static Model loadModelUnguarded(Path file) {
    try (HdfFile h5 = open(file)) {
      Attribute config = h5.getAttribute("model_config");
      if (config == null) {
        throw new KerasFileException(file + " has no `model_config` attribute: it is not a whole-model Keras .h5 file "
            + "(a weights file loads with model.loadWeights)");
      }
      Model model = ModelConfigs.fromJson(text(config));
      try {
        if (!(H5Nodes.get(h5, "model_weights", file) instanceof Group g)) {
          throw new KerasFileException(file + " has no `model_weights` group");
        }
        loadWeights(model, g, file, false);
      } catch (RuntimeException | Error e) {
        model.close(); // a model that failed to load releases its graph at once
        throw e;
      }
      return model;
    }
  }

  /** Loads a legacy weights file (or a whole-model file's weights) into {@code model}. */
  public static void loadWeights(Model model, Path file) {
    loadWeights(model, file, false);
  }

  /** Loads a legacy weights file; with {@code skipMismatch}, layers whose shapes differ keep their weights. */
  public static void loadWeights(Model model, Path file, boolean skipMismatch) {
    LoadGuard.run(file, () -> {
      try (HdfFile h5 = open(file)) {
        Node root = H5Nodes.get(h5, "model_weights", file);
        loadWeights(model, root instanceof Group g ? g : h5, file, skipMismatch);
      }
    });
  }

  /**
   * The HDF5 file, read from memory: the whole file up to {@link #IN_MEMORY_BYTES}, memory-mapped up to 2 GiB (a
   * size declared in a corrupt file then fails at the buffer's end instead of allocating that size, as jHDF's
   * file-channel reads do), through jHDF's file channel beyond.
   */
  static HdfFile open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new KerasFileException("No such file: " + file);
    }
    try {
      long size = Files.size(file);
      if (size <= IN_MEMORY_BYTES) {
        return HdfFile.fromBytes(Files.readAllBytes(file));
      }
      if (size <= Integer.MAX_VALUE) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
          return HdfFile.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
      }
      return new HdfFile(file);
    } catch (IOException | RuntimeException e) {
      throw new KerasFileException(file + " is not a readable HDF5 file: " + e.getMessage(), e);
    }
  }

  static String text(Attribute a) {
    Object v = a.getData();
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof String[] arr && arr.length == 1) {
      return arr[0];
    }
    throw new KerasFileException("Attribute `" + a.getName() + "` is not a string. Received: " + v);
  }

  static String[] texts(Node node, String attribute) {
    Attribute a = node.getAttribute(attribute);
    if (a == null) {
      return new String[0];
    }
    Object v = a.getData();
    if (v == null) {
      return new String[0]; // an empty attribute (a layer without weights)
    }
    if (v instanceof String[] arr) {
      return arr;
    }
    if (v instanceof String s) {
      return new String[] {s};
    }
    if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 0) {
      return new String[0]; // Keras writes an empty numeric array for a layer without weights
    }
    throw new KerasFileException("Attribute `" + attribute + "` of " + node.getPath() + " is not a string list");
  }

  /**
   * Loads each saved layer's weights into the model's layer of the same name: a saved layer with no such layer,
   * or a model layer with weights that the file lacks, is an error (Keras goes by position among the layers with
   * weights, which equals this in its own layer order and fails loudly, here, where names or order differ).
   */
  private static void loadWeights(Model model, Group root, Path file, boolean skipMismatch) {
    Map<String, Layer> layers = new LinkedHashMap<>();
    for (Layer l : model.layers()) {
      if (!l.weights().isEmpty()) {
        layers.put(l.name(), l);
      }
    }
    List<Group> saved = new ArrayList<>();
    for (String name : texts(root, "layer_names")) {
      Node g = H5Nodes.get(root, name, file);
      if (g instanceof Group group && texts(group, "weight_names").length > 0) {
        if (!layers.containsKey(name)) {
          throw new KerasFileException("Weight file " + file + " holds weights " + Arrays.toString(texts(group,
              "weight_names")) + " of layer '" + name + "', but the model has no layer of that name with weights. "
              + "Expected one of " + layers.keySet());
        }
        saved.add(group);
      }
    }
    if (saved.size() != layers.size()) {
      List<String> missing = new ArrayList<>(layers.keySet());
      saved.forEach(g -> missing.remove(g.getName()));
      throw new KerasFileException("Weight file " + file + " contains " + saved.size() + " layers with weights, but "
          + "the model has " + layers.size() + " such layers; the file has none for " + missing);
    }
    LegacyLayerWeights.Origin origin = origin(root);
    for (Group group : saved) {
      try {
        setLayer(layers.get(group.getName()), group, file, file.toFile().length(), origin);
      } catch (KerasFileException e) {
        if (!skipMismatch) {
          throw e;
        }
      }
    }
  }

  private static void setLayer(Layer layer, Group group, Path file, long fileSize, LegacyLayerWeights.Origin origin) {
    String[] names = texts(group, "weight_names");
    List<Variable> vars = layer.weights();
    List<HostArray> saved = new ArrayList<>();
    for (String name : names) {
      Node n = H5Nodes.get(group, name, file);
      if (!(n instanceof Dataset d)) {
        throw new KerasFileException("Missing weight dataset " + group.getPath() + name + " in " + file);
      }
      long[] dims = H5Nodes.dims(d);
      Object data = H5Nodes.data(d, dims, "layer '" + layer.name() + "', weight " + name, file, fileSize);
      saved.add(array(data, dims));
    }
    List<HostArray> values = layer instanceof Model nested ? LegacyWeightNames.nested(nested, names, saved, file)
        : LegacyWeightNames.ordered(layer, names, LegacyLayerWeights.convert(layer.getClass().getSimpleName(),
            layer.getConfig(), saved, origin));
    if (values.size() != vars.size()) {
      throw new KerasFileException("Layer '" + layer.name() + "' expects " + vars.size() + " weights, but the saved "
          + "layer " + group.getName() + " in " + file + " has " + names.length + ": " + Arrays.toString(names));
    }
    for (int j = 0; j < values.size(); j++) {
      long[] shape = vars.get(j).shape().dims();
      if (!Arrays.equals(values.get(j).shape().dims(), shape)) {
        throw new KerasFileException("Shape mismatch for layer '" + layer.name() + "', weight " + vars.get(j).name()
            + ": the model expects " + io.keras4j.backend.Shape.of(shape) + ", the file " + file + " holds "
            + values.get(j).shape());
      }
    }
    layer.setWeights(values);
  }

  /** A dataset's values; a scalar (an adapted Normalization's {@code count}) comes as one number. */
  private static HostArray array(Object data, long[] dims) {
    if (data instanceof Number n) {
      Object values = n instanceof Double || n instanceof Float ? new float[] {n.floatValue()}
          : new long[] {n.longValue()};
      return new HostArray(values, io.keras4j.backend.Shape.of(dims));
    }
    return new HostArray(HostArray.of(data).values(), io.keras4j.backend.Shape.of(dims));
  }

  /** The writer of a weights group: Keras 2 read {@code keras_version} there, "1" when absent (Keras 1 files). */
  private static LegacyLayerWeights.Origin origin(Group root) {
    String version = root.getAttribute("keras_version") == null ? "1" : text(root.getAttribute("keras_version"));
    String backend = root.getAttribute("backend") == null ? null : text(root.getAttribute("backend"));
    return new LegacyLayerWeights.Origin(version, backend);
  }
}
