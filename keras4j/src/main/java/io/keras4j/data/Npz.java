package io.keras4j.data;

import io.keras4j.utils.AtomicFiles;
import io.keras4j.utils.BoundedZip;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives (a zip of {@code .npy} files).
 *
 * <pre>{@code
 * Npz.write(Path.of("d.npz"), Map.of("x", NDArray.of(x), "y", NDArray.of(y)));   // np.savez("d.npz", x=x, y=y)
 * NDArray x = Npz.read(Path.of("d.npz")).get("x");                               // np.load("d.npz")["x"]
 * }</pre>
 *
 * <p>Porting note: {@code numpy.load("f.npz")["x"]} and {@code numpy.savez}; names are the entries without
 * {@code .npy}. Arrays larger than 2 GiB are refused, and so is an archive that inflates beyond
 * {@link BoundedZip}'s limits.
 */
public final class Npz {
  private Npz() {}

  /**
   * Every array in {@code file}, by name, in archive order; a missing or malformed file is an
   * IllegalArgumentException naming it.
   * The archive is read within {@link BoundedZip}'s limits, each array within Java's array limit.
   */
  public static Map<String, NDArray> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No such file: " + file);
    }
    return Npy.guard(file, () -> {
      Map<String, NDArray> out = new LinkedHashMap<>();
      try (BoundedZip zip = new BoundedZip(file)) {
        ZipEntry e;
        while ((e = zip.next()) != null) {
          String name = e.getName();
          if (!name.endsWith(".npy")) {
            continue;
          }
          String key = name.substring(0, name.length() - 4);
          if (out.containsKey(key)) {
            throw new IllegalArgumentException(file + " holds the array " + key + " twice");
          }
          out.put(key, Npy.read(zip.entry(Npy.MAX_DATA_BYTES + (2L << 20)), file + ":" + name, Long.MAX_VALUE));
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read .npz file " + file + ": " + e.getMessage(), e);
      }
      return out;
    });
  }

  /** Writes {@code arrays} to {@code file} (atomically), as {@code numpy.savez}. */
  public static void write(Path file, Map<String, NDArray> arrays) {
    try {
      AtomicFiles.write(file, tmp -> {
        try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(raw)) {
          for (Map.Entry<String, NDArray> a : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(a.getKey() + ".npy"));
            Npy.write(zip, a.getValue());
            zip.closeEntry();
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write .npz file " + file, e);
    }
  }
}
