package io.keras4j.saving.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keras4j.backend.Variable;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.saving.KerasFileException;
import io.keras4j.utils.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Keras 3's {@code .keras} format: a zip of {@code metadata.json}, {@code config.json} and
 * {@code model.weights.h5}.
 *
 * <p>Keras equivalent: {@code keras.src.saving.saving_lib.save_model} / {@code load_model}. Saving writes a
 * temporary file beside the target and renames it, so a failed save never damages an existing file. Loading
 * reads only the three known entries (an entry naming another path, e.g. one escaping the target directory, is
 * refused) and refuses entries larger than {@link #MAX_ENTRY_BYTES}.
 */
public final class KerasZip {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KerasZip.class);
  /** The largest entry read, 4 GiB. */
  public static final long MAX_ENTRY_BYTES = 4L << 30;
  /** The Keras version written to metadata.json, the Keras 3 release whose format this follows. */
  public static final String KERAS_VERSION = "3.5.0";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> ENTRIES = Set.of("metadata.json", "config.json", "model.weights.h5");

  private KerasZip() {}

  /** Saves {@code model} to {@code file} (atomically). */
  public static void save(Model model, Path file) {
    if (!file.getFileName().toString().endsWith(".keras")) {
      throw new IllegalArgumentException("The filename must end in `.keras`. Received: filepath=" + file);
    }
    Path weights = null;
    try {
      weights = Files.createTempFile("keras4j", ".weights.h5");
      Map<String, Object> config = ModelWriter.config(model);
      Map<String, Object> compile = model.compileConfig();
      Optimizer optimizer = compile == null ? null : model.optimizer();
      if (compile != null) {
        config.put("compile_config", compile);
        optimizer.build(model.trainableWeights());
      }
      WeightsH5.write(weights, WeightsH5.paths(model, optimizer));
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("keras_version", KERAS_VERSION);
      metadata.put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
      Path h5 = weights;
      AtomicFiles.write(file, tmp -> {
        try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(raw)) {
          put(zip, "metadata.json", JSON.writeValueAsBytes(metadata));
          put(zip, "config.json", JSON.writeValueAsBytes(config));
          put(zip, "model.weights.h5", Files.readAllBytes(h5));
        }
      });
    } catch (IOException e) {
      throw new KerasFileException("Cannot save " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(weights);
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }

  /** The model saved in {@code file}, compiled when it was saved compiled. */
  public static Model load(Path file) {
    Map<String, byte[]> entries = read(file);
    for (String required : ENTRIES) {
      if (!entries.containsKey(required)) {
        throw new KerasFileException(file + " is not a complete .keras file: it lacks " + required
            + ". Entries found: " + entries.keySet());
      }
    }
    Path weights = null;
    try {
      Map<String, Object> config = ModelConfigs.asMap(JSON.readValue(entries.get("config.json"), Map.class));
      Model model = ModelConfigs.fromConfig(config);
      Optimizer optimizer = null;
      if (config.get("compile_config") instanceof Map<?, ?> cc && compiled(model, cc, file)) {
        optimizer = model.optimizer();
        optimizer.build(model.trainableWeights());
      }
      weights = Files.createTempFile("keras4j", ".weights.h5");
      Files.write(weights, entries.get("model.weights.h5"));
      Map<String, Variable> vars = WeightsH5.paths(model, null);
      WeightsH5.read(weights, vars);
      if (optimizer != null) {
        Map<String, Variable> opt = new LinkedHashMap<>(WeightsH5.paths(model, optimizer));
        opt.keySet().removeAll(vars.keySet());
        readOptimizer(weights, opt, file);
      }
      return model;
    } catch (IOException e) {
      throw new KerasFileException("Cannot read " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(weights);
    }
  }

  /**
   * Restores the weights (and the optimizer state, when both are compiled) of a {@code .keras} file into an
   * existing model of the same architecture (as BackupAndRestore does).
   */
  public static void restore(Model model, Path file) {
    Map<String, byte[]> entries = read(file);
    if (!entries.containsKey("model.weights.h5")) {
      throw new KerasFileException(file + " lacks model.weights.h5");
    }
    Path weights = null;
    try {
      weights = Files.createTempFile("keras4j", ".weights.h5");
      Files.write(weights, entries.get("model.weights.h5"));
      Optimizer optimizer = model.compileConfig() == null ? null : model.optimizer();
      if (optimizer != null) {
        optimizer.build(model.trainableWeights());
      }
      Map<String, Variable> vars = WeightsH5.paths(model, null);
      WeightsH5.read(weights, vars);
      if (optimizer != null) {
        Map<String, Variable> opt = new LinkedHashMap<>(WeightsH5.paths(model, optimizer));
        opt.keySet().removeAll(vars.keySet());
        readOptimizer(weights, opt, file);
      }
    } catch (IOException e) {
      throw new KerasFileException("Cannot read " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(weights);
    }
  }

  /** Optimizer state is optional (Keras files saved uncompiled lack it); a partial state is an error. */
  private static void readOptimizer(Path weights, Map<String, Variable> vars, Path file) {
    try {
      WeightsH5.read(weights, vars);
    } catch (KerasFileException e) {
      if (!e.getMessage().contains("lacks optimizer/vars/0 ")) {
        throw e;
      }
    }
  }

  /** The known entries of the zip, size-checked; any other entry path is refused if it could escape. */
  static Map<String, byte[]> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new KerasFileException("No such file: " + file);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName();
        if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
          throw new KerasFileException(file + " contains an entry that escapes the archive: " + name);
        }
        if (!ENTRIES.contains(name)) {
          continue; // assets and unknown entries are not read
        }
        out.put(name, readLimited(zip, name, file));
      }
    } catch (ZipException e) {
      throw new KerasFileException(file + " is not a valid .keras (zip) file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new KerasFileException(file + " is truncated or unreadable: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new KerasFileException(file + " is not a .keras file: no Keras entries found");
    }
    return out;
  }

  private static byte[] readLimited(InputStream in, String name, Path file) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > MAX_ENTRY_BYTES) {
        throw new KerasFileException("Entry " + name + " of " + file + " is larger than " + MAX_ENTRY_BYTES + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Compiles {@code model} from the file's compile_config; a config keras4j cannot honour leaves the model
   * uncompiled with a warning, as Keras' {@code compile_from_config} does, so that it still loads for inference.
   */
  private static boolean compiled(Model model, Map<?, ?> compileConfig, Path file) {
    try {
      model.compile(CompileConfigs.fromConfig(ModelConfigs.asMap(compileConfig)));
      return true;
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: the model is loaded uncompiled, its compile_config cannot be applied: {}", file, e.getMessage());
      return false;
    }
  }
}
