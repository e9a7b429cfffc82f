package io.keras4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.saving.formats.TfjsLayersFormat;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bytes of a saved model, to be broadcast once to every executor: a {@code .keras} or {@code .h5} file, a
 * SavedModel directory (each of its files by relative path), or a TensorFlow.js layers model ({@code model.json} and
 * the weight shards its manifest names).
 *
 * <p>Keras equivalent: none; Keras models reach Spark executors as files ({@code SparkFiles}) or broadcast bytes.
 * Porting note: the key (file name and SHA-256 of the contents) lets each executor JVM load a model once and find
 * it again for every later task, whatever path the driver read it from.
 */
final class ModelFile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final boolean directory;
  private final LinkedHashMap<String, byte[]> files;
  private final String key;

  private ModelFile(String name, boolean directory, LinkedHashMap<String, byte[]> files) {
    this.name = name;
    this.directory = directory;
    this.files = files;
    this.key = name + "@" + sha256(files);
  }

  /**
   * Reads {@code path}: a {@code .keras}/{@code .h5}/{@code .hdf5} file, a SavedModel directory, or a tfjs layers
   * model (its {@code model.json} or the directory holding it).
   */
  static ModelFile read(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("KerasModelScorer: model file " + path + " does not exist");
    }
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    try {
      if (TfjsLayersFormat.recognizes(path)) {
        return tfjs(Files.isDirectory(path) ? path.resolve("model.json") : path);
      }
      if (Files.isDirectory(path)) {
        if (!Files.exists(path.resolve("saved_model.pb"))) {
          throw new IllegalArgumentException("KerasModelScorer: expected a .keras or .h5 file, a SavedModel "
              + "directory (with saved_model.pb) or a tfjs model directory (with model.json); received the directory "
              + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
            files.put(path.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
          }
        }
        return new ModelFile(path.getFileName().toString(), true, files);
      }
      String name = path.getFileName().toString();
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (!(lower.endsWith(".keras") || lower.endsWith(".h5") || lower.endsWith(".hdf5"))) {
        throw new IllegalArgumentException("KerasModelScorer: expected a .keras, .h5 or .hdf5 file, a SavedModel "
            + "directory or a tfjs model.json; received " + path);
      }
      files.put(name, Files.readAllBytes(path));
      return new ModelFile(name, false, files);
    } catch (IOException e) {
      throw new UncheckedIOException("KerasModelScorer: cannot read " + path, e);
    }
  }

  /** A tfjs layers model: {@code json} and each shard its weights manifest names, by path relative to it. */
  private static ModelFile tfjs(Path json) throws IOException {
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    files.put("model.json", Files.readAllBytes(json));
    JsonNode manifest = new ObjectMapper()
        .readTree(files.get("model.json")).path("weightsManifest");
    for (JsonNode group : manifest) {
      for (JsonNode shard : group.path("paths")) {
        Path p = json.resolveSibling(shard.asText());
        if (!Files.isRegularFile(p)) {
          throw new IllegalArgumentException("KerasModelScorer: the tfjs model " + json + " names the weight shard "
              + shard.asText() + ", which does not exist beside it");
        }
        files.put(shard.asText(), Files.readAllBytes(p));
      }
    }
    Path dir = json.toAbsolutePath().getParent();
    return new ModelFile(dir.getFileName() == null ? "tfjs" : dir.getFileName().toString(), true, files);
  }

  /** The file or directory name followed by the SHA-256 of the contents: the same model gives the same key. */
  String key() {
    return key;
  }

  /** Whether this is a SavedModel directory (a tfjs model is read as a keras4j model). */
  boolean isSavedModel() {
    return directory && !files.containsKey("model.json");
  }

  /** Writes the model under the fresh directory {@code dir}; returns the path of the file or model directory. */
  Path writeTo(Path dir) throws IOException {
    Path root = directory ? dir.resolve(name) : dir;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
    return directory ? root : dir.resolve(name);
  }

  /** Every file written by {@link #writeTo}, deepest first, so that deleting them in order empties {@code dir}. */
  static List<Path> contents(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.sorted(java.util.Comparator.reverseOrder()).toList();
    }
  }

  private static String sha256(Map<String, byte[]> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(e.getValue());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
