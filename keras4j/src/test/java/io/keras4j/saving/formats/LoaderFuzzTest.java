package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.data.Npy;
import io.keras4j.data.Npz;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.saving.KerasFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loaders' contract under seeded fuzzing: a valid small file of each format, mutated by byte flips, truncation,
 * insertion, overwrites with extreme integers and (for zips) replacement of one entry by a mutated one, either
 * loads or throws a {@link KerasFileException} naming the file (an IllegalArgumentException for .npy and .npz, read
 * by io.keras4j.data, below io.keras4j.saving), within {@link #TIMEOUT}; never another Throwable.
 * {@link #MUTANTS} mutants per format (six formats).
 */
class LoaderFuzzTest {
  static final long SEED = 20_261_202L;
  static final int MUTANTS = 1_000;
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  static byte[] keras;
  static byte[] weights;
  static byte[] legacy;
  static byte[] npy;
  static byte[] npz;
  static Model target;
  static Model legacyTarget;

  static Model functional() {
    Backend.setRandomSeed(3);
    KerasTensor x = Input.of(4);
    KerasTensor merged = new Concatenate().apply(List.of(new Dense(3).activation("relu").apply(x),
        new Dense(2).apply(x))).get(0);
    return new Model(List.of(x), List.of(new Dense(2).apply(merged)));
  }

  static Sequential sequential() {
    Sequential m = new Sequential();
    m.add(new Dense(2).activation("relu").inputShape(2));
    m.add(new Dense(1));
    return m;
  }

  @BeforeAll
  static void validFiles() throws IOException {
    Model m = functional();
    m.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("mse"));
    m.save(dir.resolve("valid.keras"));
    keras = Files.readAllBytes(dir.resolve("valid.keras"));
    m.saveWeights(dir.resolve("valid.weights.h5"));
    weights = Files.readAllBytes(dir.resolve("valid.weights.h5"));
    target = functional();
    Path h5 = dir.resolve("valid.h5");
    writeLegacy(h5);
    legacy = Files.readAllBytes(h5);
    legacyTarget = sequential();
    NDArray a = NDArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    NDArray b = NDArray.of(new int[] {7, 8, 9});
    Npy.write(dir.resolve("valid.npy"), a);
    npy = Files.readAllBytes(dir.resolve("valid.npy"));
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("x", a);
    arrays.put("y", b);
    Npz.write(dir.resolve("valid.npz"), arrays);
    npz = Files.readAllBytes(dir.resolve("valid.npz"));
    // the unmutated files load
    Models.loadModel(dir.resolve("valid.keras")).close();
    target.loadWeights(dir.resolve("valid.weights.h5"));
    Models.loadModel(h5).close();
    Npy.read(dir.resolve("valid.npy"));
    Npz.read(dir.resolve("valid.npz"));
  }

  /** A tf.keras 2 whole-model file as Keras 2 lays it out (the model of {@link #sequential()}). */
  static void writeLegacy(Path h5) {
    String config = """
        {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
          {"class_name": "Dense", "config": {"name": "hidden", "trainable": true, "batch_input_shape": [null, 2],
           "dtype": "float32", "units": 2, "activation": "relu", "use_bias": true}},
          {"class_name": "Dense", "config": {"name": "out", "trainable": true, "dtype": "float32", "units": 1,
           "activation": "linear", "use_bias": true}}]}}
        """;
    try (WritableHdfFile f = HdfFile.write(h5)) {
      f.putAttribute("model_config", config);
      f.putAttribute("keras_version", "2.2.4-tf");
      WritableGroup w = f.putGroup("model_weights");
      w.putAttribute("layer_names", new String[] {"hidden", "out"});
      WritableGroup hidden = w.putGroup("hidden");
      hidden.putAttribute("weight_names", new String[] {"hidden/kernel:0", "hidden/bias:0"});
      WritableGroup hv = hidden.putGroup("hidden");
      hv.putDataset("kernel:0", new float[][] {{1, -1}, {2, 0}});
      hv.putDataset("bias:0", new float[] {0, 1});
      WritableGroup out = w.putGroup("out");
      out.putAttribute("weight_names", new String[] {"out/kernel:0", "out/bias:0"});
      WritableGroup ov = out.putGroup("out");
      ov.putDataset("kernel:0", new float[][] {{3}, {5}});
      ov.putDataset("bias:0", new float[] {-2});
    }
  }

  interface Loader {
    void load(Path file) throws Exception;
  }

  @Test
  void kerasFiles() {
    fuzz("keras", keras, true, KerasFileException.class, f -> Models.loadModel(f).close());
  }

  @Test
  void weightsFiles() {
    fuzz("weights.h5", weights, false, KerasFileException.class, f -> target.loadWeights(f, f.hashCode() % 2 == 0));
  }

  @Test
  void legacyModelFiles() {
    fuzz("h5", legacy, false, KerasFileException.class, f -> Models.loadModel(f).close());
  }

  @Test
  void legacyWeightsFiles() {
    fuzz("legacy.h5", legacy, false, KerasFileException.class, f -> legacyTarget.loadWeights(f));
  }

  @Test
  void npyFiles() {
    fuzz("npy", npy, false, IllegalArgumentException.class, Npy::read);
  }

  @Test
  void npzFiles() {
    fuzz("npz", npz, true, IllegalArgumentException.class, Npz::read);
  }

  /** Loads {@link #MUTANTS} mutants of {@code valid}; fails listing every mutant that broke the contract. */
  static void fuzz(String suffix, byte[] valid, boolean zip, Class<? extends RuntimeException> expected,
      Loader loader) {
    Random r = new Random(SEED ^ suffix.hashCode());
    List<String> broken = new ArrayList<>();
    for (int i = 0; i < MUTANTS; i++) {
      String[] how = new String[1];
      byte[] mutant = zip && r.nextBoolean() ? mutateEntry(r, valid, how) : mutate(r, valid, how);
      Path file = dir.resolve("mutant" + i + "." + suffix);
      try {
        Files.write(file, mutant);
        assertTimeoutPreemptively(TIMEOUT, () -> loader.load(file), () -> file + " (" + how[0] + ") timed out");
      } catch (Throwable t) {
        if (t.getClass() != expected) {
          broken.add(file.getFileName() + " (" + how[0] + "): " + t + where(t));
        } else if (t.getMessage() == null || !t.getMessage().contains(file.getFileName().toString())) {
          broken.add(file.getFileName() + " (" + how[0] + "): the message does not name the file: " + t.getMessage());
        }
      } finally {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    assertTrue(broken.isEmpty(), broken.size() + " of " + MUTANTS + " ." + suffix + " mutants broke the contract:\n"
        + String.join("\n", broken.subList(0, Math.min(20, broken.size()))));
  }

  /** Where a timed-out or failed load was: the innermost frames of its cause. */
  static String where(Throwable t) {
    Throwable c = t.getCause() != null ? t.getCause() : t;
    StackTraceElement[] st = c.getStackTrace();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(12, st.length); i++) {
      s.append("\n    at ").append(st[i]);
    }
    return s.toString();
  }

  /** Extreme integers, as text (for JSON and .npy headers) and as little-endian bytes (for HDF5 fields). */
  static final long[] EXTREMES = {0, -1, 1, 0x7f, 0xff, 0x7fff, 0xffff, Integer.MAX_VALUE, 0x80000000L, 0xffffffffL,
      1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};

  /** One random byte-level mutation of {@code b}; {@code how[0]} says which. */
  static byte[] mutate(Random r, byte[] b, String[] how) {
    int n = b.length;
    switch (r.nextInt(5)) {
      case 0 -> {
        byte[] m = b.clone();
        int k = 1 + r.nextInt(8);
        for (int j = 0; j < k; j++) {
          m[r.nextInt(n)] = (byte) r.nextInt(256);
        }
        how[0] = "flipped " + k + " bytes";
        return m;
      }
      case 1 -> {
        int len = r.nextInt(n);
        how[0] = "truncated to " + len;
        return java.util.Arrays.copyOf(b, len);
      }
      case 2 -> {
        int at = r.nextInt(n + 1);
        byte[] ins = new byte[1 + r.nextInt(32)];
        r.nextBytes(ins);
        byte[] m = new byte[n + ins.length];
        System.arraycopy(b, 0, m, 0, at);
        System.arraycopy(ins, 0, m, at, ins.length);
        System.arraycopy(b, at, m, at + ins.length, n - at);
        how[0] = "inserted " + ins.length + " bytes at " + at;
        return m;
      }
      case 3 -> {
        byte[] m = b.clone();
        long v = EXTREMES[r.nextInt(EXTREMES.length)];
        int width = new int[] {2, 4, 8}[r.nextInt(3)];
        int at = r.nextInt(Math.max(1, n - width)) & ~(width - 1);
        for (int j = 0; j < width && at + j < n; j++) {
          m[at + j] = (byte) (v >>> (8 * j));
        }
        how[0] = "wrote " + v + " as " + width + " bytes at " + at;
        return m;
      }
      default -> {
        // a number in text (JSON, .npy header) replaced by an extreme one
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<int[]> runs = new ArrayList<>();
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("\\d+").matcher(s);
        while (d.find()) {
          runs.add(new int[] {d.start(), d.end()});
        }
        if (runs.isEmpty()) {
          return mutate(r, b, how);
        }
        int[] run = runs.get(r.nextInt(runs.size()));
        String v = String.valueOf(EXTREMES[r.nextInt(EXTREMES.length)]);
        how[0] = "replaced the number at " + run[0] + " by " + v;
        return (s.substring(0, run[0]) + v + s.substring(run[1])).getBytes(StandardCharsets.ISO_8859_1);
      }
    }
  }

  /** The zip rewritten with one entry mutated, dropped or duplicated, stored or deflated at random. */
  static byte[] mutateEntry(Random r, byte[] valid, String[] how) {
    Map<String, byte[]> entries = entries(valid);
    List<String> names = new ArrayList<>(entries.keySet());
    String name = names.get(r.nextInt(names.size()));
    int op = r.nextInt(10);
    Map<String, byte[]> out = new LinkedHashMap<>(entries);
    String[] inner = new String[1];
    if (op == 0) {
      out.remove(name);
      inner[0] = "dropped";
    } else if (op == 1) {
      out.put(name, entries.get(names.get(r.nextInt(names.size()))));
      inner[0] = "replaced by another entry";
    } else {
      out.put(name, mutate(r, entries.get(name), inner));
    }
    boolean stored = r.nextBoolean();
    how[0] = "entry " + name + " " + inner[0] + (stored ? ", stored" : ", deflated");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : out.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        if (stored) {
          CRC32 crc = new CRC32();
          crc.update(e.getValue());
          ze.setMethod(ZipEntry.STORED);
          ze.setSize(e.getValue().length);
          ze.setCrc(crc.getValue());
        }
        z.putNextEntry(ze);
        z.write(e.getValue());
        z.closeEntry();
      }
      if (op == 2) {
        z.putNextEntry(new ZipEntry(name + "/../" + name));
        z.closeEntry();
        how[0] += ", plus an escaping entry";
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static final Map<byte[], Map<String, byte[]>> ENTRIES = new java.util.IdentityHashMap<>();

  static synchronized Map<String, byte[]> entries(byte[] zip) {
    return ENTRIES.computeIfAbsent(zip, LoaderFuzzTest::unzip);
  }

  static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try {
      Path tmp = Files.createTempFile(dir, "valid", ".zip");
      Files.write(tmp, zip);
      try (ZipFile z = new ZipFile(tmp.toFile())) {
        for (ZipEntry e : java.util.Collections.list(z.entries())) {
          out.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
      }
      Files.delete(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
