package io.keras4j.data;

import io.keras4j.backend.HostArray;
import io.keras4j.utils.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives (a zip of {@code .npy} files).
 *
 * <p>Porting note: {@code numpy.load("f.npz")["x"]} and {@code numpy.savez}; names are the entries without
 * {@code .npy}. Entries larger than 2 GiB are refused.
 */
public final class Npz {
  private Npz() {}

  /** Every array in {@code file}, by name, in archive order. */
  public static Map<String, HostArray> read(Path file) {
    Map<String, HostArray> out = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName();
        if (!name.endsWith(".npy")) {
          continue;
        }
        out.put(name.substring(0, name.length() - 4), Npy.read(zip, file + ":" + name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read .npz file " + file, e);
    }
    return out;
  }

  /** Writes {@code arrays} to {@code file} (atomically), as {@code numpy.savez}. */
  public static void write(Path file, Map<String, HostArray> arrays) {
    try {
      AtomicFiles.write(file, tmp -> {
        try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(raw)) {
          for (Map.Entry<String, HostArray> a : arrays.entrySet()) {
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
