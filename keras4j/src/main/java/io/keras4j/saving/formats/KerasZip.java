package io.keras4j.saving.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keras4j.backend.Variable;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.saving.KerasFileException;
import io.keras4j.utils.AtomicFiles;
import io.keras4j.utils.BoundedZip;
import java.io.IOException;
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
import java.util.zip.ZipOutputStream;

/**
 * Keras 3's {@code .keras} format: a zip of {@code metadata.json}, {@code config.json},
 * {@code model.weights.h5} and the layers' asset files ({@code assets/<layer path>/...}, see {@link Assets}).
 *
 * <p>Keras equivalent: {@code keras.src.saving.saving_lib.save_model} / {@code load_model}. Saving writes a
 * temporary file beside the target and renames it, so a failed save never damages an existing file. Loading
 * reads only the three known entries (an entry naming another path, e.g. one escaping the target directory, is
 * refused), each within its size limit, counted while inflating (see {@link BoundedZip}); any malformed file is a
 * {@link KerasFileException} naming it.
 */
public final class KerasZip {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KerasZip.class);
  /** The largest {@code model.weights.h5} read, 16 GiB (copied to a temporary file, not held in memory). */
  public static final long MAX_ENTRY_BYTES = 16L << 30;
  /** The largest {@code config.json} read, 64 MiB. */
  public static final long MAX_JSON_BYTES = 64L << 20;
  /** The largest {@code metadata.json} read, 1 MiB. */
  public static final long MAX_METADATA_BYTES = 1L << 20;
  /** The Keras version written to metadata.json, the Keras 3 release whose format this follows. */
  public static final String KERAS_VERSION = "3.5.0";
  /** Jackson's data binding for writing, created at the first save (loading reads with {@link JsonValues}). */
  private static final class Writer {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
  private static final Set<String> ENTRIES = Set.of("metadata.json", "config.json", "model.weights.h5");

  private KerasZip() {}

  /** Saves {@code model} to {@code file} (atomically). */
  public static void save(Model model, Path file) {
    if (!file.getFileName().toString().endsWith(".keras")) {
      throw new IllegalArgumentException("The filename must end in `.keras`. Received: filepath=" + file);
    }
    Path weights = null;
    try {
      weights = AtomicFiles.scratchFile(file, ".weights.h5");
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
          put(zip, "metadata.json", Writer.JSON.writeValueAsBytes(metadata));
          put(zip, "config.json", Writer.JSON.writeValueAsBytes(config));
          put(zip, "model.weights.h5", Files.readAllBytes(h5));
          for (Map.Entry<String, byte[]> asset : Assets.entries(model).entrySet()) {
            put(zip, asset.getKey(), asset.getValue());
          }
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
    return LoadGuard.guard(file, () -> {
      try (Contents entries = read(file)) {
        for (String required : ENTRIES) {
          if (!entries.has(required)) {
            throw new KerasFileException(file + " is not a complete .keras file: it lacks " + required
                + ". Entries found: " + entries.names());
          }
        }
        Map<String, Object> config = ModelConfigs.asMap(JsonValues.read(entries.config));
        Model model = ModelConfigs.fromConfig(config);
        try {
          Optimizer optimizer = null;
          // an empty compile_config (Keras writes {} for some uncompiled models) compiles nothing, as in Keras
          if (config.get("compile_config") instanceof Map<?, ?> cc && !cc.isEmpty() && compiled(model, cc, file)) {
            optimizer = model.optimizer();
            optimizer.build(model.trainableWeights());
          }
          readWeights(model, optimizer, entries.weights, file);
          Assets.load(model, entries.assets);
          return model;
        } catch (RuntimeException | Error e) {
          model.close(); // a model that failed to load releases its graph at once
          throw e;
        }
      } catch (IOException e) {
        throw new KerasFileException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Restores the weights (and the optimizer state, when both are compiled) of a {@code .keras} file into an
   * existing model of the same architecture (as BackupAndRestore does).
   */
  public static void restore(Model model, Path file) {
    LoadGuard.run(file, () -> {
      try (Contents entries = read(file)) {
        if (entries.weights == null) {
          throw new KerasFileException(file + " lacks model.weights.h5");
        }
        Optimizer optimizer = model.compileConfig() == null ? null : model.optimizer();
        if (optimizer != null) {
          optimizer.build(model.trainableWeights());
        }
        readWeights(model, optimizer, entries.weights, file);
      }
    });
  }

  private static void readWeights(Model model, Optimizer optimizer, Path weights, Path file) {
    Map<String, Variable> vars = WeightsH5.paths(model, null);
    WeightsH5.read(weights, vars);
    if (optimizer != null) {
      Map<String, Variable> opt = new LinkedHashMap<>(WeightsH5.paths(model, optimizer));
      opt.keySet().removeAll(vars.keySet());
      readOptimizer(weights, opt, optimizer, file);
    }
  }

  /**
   * Restores the optimizer state as Keras' {@code load_own_variables} does: a file without optimizer variables
   * (saved uncompiled) leaves the fresh state; one with another number of variables (saved compiled but before its
   * first step, when only {@code iterations} and {@code learning_rate} exist) is skipped with Keras' warning; one
   * with the same number must match in every shape.
   */
  private static void readOptimizer(Path weights, Map<String, Variable> vars, Optimizer optimizer, Path file) {
    int saved = savedOptimizerVariables(weights, file);
    if (saved == 0) {
      return;
    }
    if (saved != vars.size()) {
      LOG.warn("Skipping variable loading for optimizer '{}' of {}, because it has {} variables whereas the saved "
          + "optimizer has {} variables.", optimizer.name(), file, vars.size(), saved);
      return;
    }
    WeightsH5.read(weights, vars);
  }

  /** The datasets below {@code g} (groups followed to a small depth: Keras nests one optimizer at most). */
  private static int datasets(io.jhdf.api.Group g, int depth) {
    int n = 0;
    for (io.jhdf.api.Node child : g.getChildren().values()) {
      if (child instanceof io.jhdf.api.Dataset) {
        n++;
      } else if (child instanceof io.jhdf.api.Group sub && depth < 4) {
        n += datasets(sub, depth + 1);
      }
    }
    return n;
  }

  private static int savedOptimizerVariables(Path weights, Path file) {
    int[] count = {0};
    LoadGuard.run(file, () -> {
      try (io.jhdf.HdfFile h5 = LegacyH5.open(weights)) {
        if (h5.getChildren().get("optimizer") instanceof io.jhdf.api.Group g) {
          count[0] = datasets(g, 0); // its vars, and a wrapped optimizer's (inner_optimizer/vars)
        }
      }
    });
    return count[0];
  }

  /** The entries of a .keras file: the JSON ones in memory, the weights in a temporary file deleted on close. */
  static final class Contents implements AutoCloseable {
    byte[] metadata;
    byte[] config;
    Path weights;
    /** The {@code assets/...} entries (layer state such as vocabularies), by zip name. */
    final Map<String, byte[]> assets = new LinkedHashMap<>();

    boolean has(String name) {
      return switch (name) {
        case "metadata.json" -> metadata != null;
        case "config.json" -> config != null;
        default -> weights != null;
      };
    }

    java.util.List<String> names() {
      return ENTRIES.stream().filter(this::has).sorted().toList();
    }

    @Override
    public void close() {
      deleteQuietly(weights);
    }
  }

  /**
   * The known entries of the zip, each within its limit ({@link #MAX_JSON_BYTES}, {@link #MAX_METADATA_BYTES},
   * {@link #MAX_ENTRY_BYTES}) and all within {@link BoundedZip}'s; any entry path that could escape is refused.
   */
  static Contents read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new KerasFileException("No such file: " + file);
    }
    Contents out = new Contents();
    try (BoundedZip zip = new BoundedZip(file)) {
      ZipEntry e;
      while ((e = zip.next()) != null) {
        String name = e.getName();
        if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
          throw new KerasFileException(file + " contains an entry that escapes the archive: " + name);
        }
        if (name.startsWith("assets/") && !name.endsWith("/")) {
          if (out.assets.put(name, zip.bytes(MAX_JSON_BYTES)) != null) {
            throw new KerasFileException(file + " contains the entry " + name + " twice");
          }
          continue;
        }
        if (!ENTRIES.contains(name)) {
          continue; // unknown entries are not read
        }
        if (out.has(name)) {
          throw new KerasFileException(file + " contains the entry " + name + " twice");
        }
        switch (name) {
          case "metadata.json" -> out.metadata = zip.bytes(MAX_METADATA_BYTES);
          case "config.json" -> out.config = zip.bytes(MAX_JSON_BYTES);
          default -> {
            out.weights = AtomicFiles.tempFile(".weights.h5");
            zip.copyTo(out.weights, MAX_ENTRY_BYTES);
          }
        }
      }
    } catch (ZipException e) {
      out.close();
      throw new KerasFileException((e.getMessage() != null && e.getMessage().contains(file.toString()) ? ""
          : file + " is not a valid .keras (zip) file: ") + e.getMessage(), e);
    } catch (IOException e) {
      out.close();
      throw new KerasFileException(file + " is truncated or unreadable: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
    if (out.names().isEmpty()) {
      throw new KerasFileException(file + " is not a .keras file: no Keras entries found");
    }
    return out;
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
