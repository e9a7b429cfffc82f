package io.keras4j.saving.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.saving.KerasFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes TensorFlow.js layers models: a {@code model.json} (the Keras model config under
 * {@code modelTopology}, the weight list under {@code weightsManifest}) beside binary weight shards.
 *
 * <p>Keras equivalent: {@code tensorflowjs.converters.save_keras_model} writes this format and tfjs-layers'
 * {@code tf.loadLayersModel} reads it (tfjs-layers {@code models.ts}, tfjs-core {@code io/io_utils.ts}).
 * <pre>{@code Model m = TfjsLayersFormat.load(Path.of("mobilenet/model.json"));
 * TfjsLayersFormat.save(m, Path.of("out"));}</pre>
 *
 * <p>Weights are matched to the model's variables by name, {@code <layer name>/<weight name>} (such as
 * {@code Conv1/kernel}), as tfjs-layers' {@code loadWeights} matches them; a model weight missing from the file or a
 * file weight that matches no model weight is an error. Quantized weights ({@code uint8}, {@code uint16},
 * {@code float16}) are dequantized to float32.
 */
public final class TfjsLayersFormat {
  /** tensorflowjs' default shard size: 4 MiB ({@code --weight_shard_size_bytes 4194304}). */
  public static final int SHARD_BYTES = 4 * 1024 * 1024;

  private static final class Mapper { // created at first use: recognizes() runs on every loadModel
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private TfjsLayersFormat() {}

  /** Whether {@code path} is a tfjs layers model: a directory holding {@code model.json}, or such a JSON file. */
  public static boolean recognizes(Path path) {
    Path json = Files.isDirectory(path) ? path.resolve("model.json") : path;
    if (!Files.isRegularFile(json) || !json.getFileName().toString().endsWith(".json")) {
      return false;
    }
    try (var in = Files.newInputStream(json)) {
      byte[] head = in.readNBytes(4096);
      return new String(head, java.nio.charset.StandardCharsets.UTF_8).contains("\"modelTopology\"");
    } catch (IOException e) {
      return false;
    }
  }

  /** The model of a {@code model.json} (or a directory holding one), with the weights of its shards. */
  public static Model load(Path path) {
    Path json = Files.isDirectory(path) ? path.resolve("model.json") : path;
    return LoadGuard.guard(json, () -> loadUnguarded(json));
  }

  private static Model loadUnguarded(Path json) {
    Map<String, Object> root = read(json);
    Model model = ModelConfigs.fromConfig(modelConfig(root.get("modelTopology"), json));
    try {
      if (root.get("weightsManifest") != null) {
        assign(model, readWeights(ModelConfigs.asList(root.get("weightsManifest")), json), json);
      }
    } catch (RuntimeException | Error e) {
      model.close();
      throw e;
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path json) {
    if (!Files.isRegularFile(json)) {
      throw new KerasFileException("No such file: " + json + " (a tfjs layers model is a model.json beside its "
          + "weight shards)");
    }
    try {
      return Mapper.JSON.readValue(json.toFile(), Map.class);
    } catch (IOException e) {
      throw new KerasFileException(json + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The model config: {@code modelTopology} itself, or its {@code model_config} (Keras' {@code to_json} wrapper). */
  private static Map<String, Object> modelConfig(Object topology, Path json) {
    if (!(topology instanceof Map<?, ?>)) {
      throw new KerasFileException(json + " has no `modelTopology` object: it is not a tfjs layers model (a tfjs "
          + "graph model cannot be read as Keras layers)");
    }
    Map<String, Object> t = ModelConfigs.asMap(topology);
    return t.containsKey("model_config") ? ModelConfigs.asMap(t.get("model_config")) : t;
  }

  /** The weights of the manifest by name, read from the shards concatenated in manifest order. */
  static Map<String, NDArray> readWeights(List<Object> manifest, Path json) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Object g : manifest) {
      Map<String, Object> group = ModelConfigs.asMap(g);
      ByteBuffer data = ByteBuffer.wrap(shards(ModelConfigs.asList(group.get("paths")), json));
      for (Object w : ModelConfigs.asList(group.get("weights"))) {
        TfjsWeights.Entry e = entry(ModelConfigs.asMap(w));
        long bytes = e.bytes();
        if (data.remaining() < bytes) {
          throw new KerasFileException("Weight " + e.name() + " needs " + bytes + " bytes, but the shards of " + json
              + " hold only " + data.remaining() + " more");
        }
        out.put(e.name(), TfjsWeights.decode(e, data));
        data.position(data.position() + (int) bytes);
      }
      if (data.hasRemaining()) {
        throw new KerasFileException("The shards " + group.get("paths") + " of " + json + " hold " + data.remaining()
            + " bytes more than the manifest lists");
      }
    }
    return out;
  }

  private static byte[] shards(List<Object> paths, Path json) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    Path dir = json.toAbsolutePath().getParent();
    for (Object p : paths) {
      Path shard = dir.resolve(String.valueOf(p));
      if (!Files.exists(shard) && Files.exists(dir.resolve(p + ".bin"))) {
        shard = dir.resolve(p + ".bin"); // a manifest naming its shards without the .bin of the files beside it
      }
      try {
        all.write(Files.readAllBytes(shard));
      } catch (IOException e) {
        throw new KerasFileException("Cannot read weight shard " + shard + " listed in " + json + ": " + e, e);
      }
    }
    return all.toByteArray();
  }

  private static TfjsWeights.Entry entry(Map<String, Object> w) {
    List<Object> dims = ModelConfigs.asList(w.get("shape"));
    long[] shape = new long[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = ((Number) dims.get(i)).longValue();
    }
    Map<String, Object> q = w.get("quantization") instanceof Map<?, ?> m ? ModelConfigs.asMap(m) : null;
    return new TfjsWeights.Entry(String.valueOf(w.get("name")), shape, String.valueOf(w.getOrDefault("dtype",
        "float32")), q);
  }

  /** Assigns each model weight the file weight of its name; both sides must match exactly. */
  static void assign(Model model, Map<String, NDArray> saved, Path json) {
    Map<String, NDArray> unused = new LinkedHashMap<>(saved);
    List<String> missing = new ArrayList<>();
    for (Layer layer : leafLayers(model)) {
      List<Variable> vars = layer.weights();
      List<NDArray> values = new ArrayList<>();
      for (Variable v : vars) {
        String name = layer.name() + "/" + v.name();
        NDArray a = unused.remove(name);
        if (a == null && v.path() != null) {
          a = unused.remove(v.path());
        }
        if (a == null && layer instanceof io.keras4j.layers.BaseDepthwiseConv && v.name().equals("kernel")) {
          a = unused.remove(layer.name() + "/depthwise_kernel"); // Keras 2's (and tfjs') name of this kernel
        }
        if (a == null) {
          missing.add(name + " " + v.shape());
        }
        values.add(a);
      }
      if (!values.contains(null) && !values.isEmpty()) {
        try {
          layer.setWeights(values);
        } catch (IllegalArgumentException e) {
          throw new KerasFileException("Cannot load the weights of " + json + ": " + e.getMessage(), e);
        }
      }
    }
    if (!missing.isEmpty() || !unused.isEmpty()) {
      throw new KerasFileException("The weights of " + json + " do not match the model by name. Model weights "
          + "missing from the file: " + missing + "; file weights matching no model weight: " + unused.keySet());
    }
  }

  /** The layers that own weights directly: nested models are entered, as Keras 2 named their weights. */
  static List<Layer> leafLayers(Model model) {
    List<Layer> out = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (l instanceof Model m) {
        out.addAll(leafLayers(m));
      } else if (!l.weights().isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * Writes {@code model} as {@code dir/model.json} and float32 shards {@code group1-shard<i>of<n>.bin} of at most
   * {@link #SHARD_BYTES} bytes, as {@code tensorflowjs_converter --input_format keras} writes it (unquantized).
   */
  public static void save(Model model, Path dir) {
    List<Map<String, Object>> entries = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Layer> layers = leafLayers(model);
    Variable.refreshAll(layers.stream().flatMap(l -> l.weights().stream()).toList());
    for (Layer layer : layers) {
      for (Variable v : layer.weights()) {
        entries.add(TfjsWeights.manifestEntry(layer.name() + "/" + v.name(), v.shape().dims()));
        float[] values = "int64".equals(v.dtype()) ? longsAsFloats(v.longValue()) : v.floatValue();
        bytes.writeBytes(TfjsWeights.encode(values));
      }
    }
    byte[] all = bytes.toByteArray();
    int count = Math.max(1, (all.length + SHARD_BYTES - 1) / SHARD_BYTES);
    List<String> paths = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < count; i++) {
        String name = "group1-shard" + (i + 1) + "of" + count + ".bin";
        paths.add(name);
        int from = i * SHARD_BYTES;
        writeAtomically(dir.resolve(name), java.util.Arrays.copyOfRange(all, from,
            Math.min(all.length, from + SHARD_BYTES)));
      }
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("format", "layers-model");
      root.put("generatedBy", "keras4j");
      root.put("convertedBy", null);
      Map<String, Object> topology = new LinkedHashMap<>();
      topology.put("keras_version", KerasZip.KERAS_VERSION);
      topology.put("backend", "tensorflow");
      topology.put("model_config", ModelWriter.config(model));
      root.put("modelTopology", topology);
      root.put("weightsManifest", List.of(Map.of("paths", paths, "weights", entries)));
      writeAtomically(dir.resolve("model.json"), Mapper.JSON.disable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(root));
    } catch (IOException e) {
      throw new KerasFileException("Cannot write the tfjs model to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static float[] longsAsFloats(long[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = v[i];
    }
    return f;
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
