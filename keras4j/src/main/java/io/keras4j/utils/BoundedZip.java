package io.keras4j.utils;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive (a {@code .keras} or {@code .npz} file) entry by entry within limits counted on the bytes
 * actually inflated, never on the sizes the archive declares: at most {@link #MAX_ENTRIES} entries, each entry
 * within the limit its reader gives, and all entries together (read or skipped) within
 * {@code max(MIN_TOTAL_BYTES, MAX_RATIO * file size)}, so a zip bomb fails after inflating a bounded amount.
 *
 * <p>Porting note: Python's zipfile has no such limits; Keras files are stored uncompressed, so the ratio limit
 * only refuses archives that inflate more than {@value #MAX_RATIO} times their size beyond {@link #MIN_TOTAL_BYTES}.
 */
public final class BoundedZip implements AutoCloseable {
  /** The most entries read or skipped. */
  public static final int MAX_ENTRIES = 10_000;
  /** All entries together may inflate to at least this many bytes (64 MiB) whatever the file's size. */
  public static final long MIN_TOTAL_BYTES = 64L << 20;
  /** Beyond {@link #MIN_TOTAL_BYTES}, the entries together inflate to at most this many times the file's size. */
  public static final int MAX_RATIO = 100;

  private final Path file;
  private final ZipInputStream zip;
  private final long maxTotal;
  private long total;
  private int entries;
  private ZipEntry current;

  /** Opens {@code file}. */
  public BoundedZip(Path file) throws IOException {
    this.file = file;
    long size = Files.size(file);
    this.maxTotal = Math.max(MIN_TOTAL_BYTES, size > Long.MAX_VALUE / MAX_RATIO ? Long.MAX_VALUE : size * MAX_RATIO);
    this.zip = new ZipInputStream(Files.newInputStream(file));
  }

  /** The next entry, after skipping (and counting) what is left of the current one; null at the end. */
  public ZipEntry next() throws IOException {
    if (current != null) {
      drain(entry(Long.MAX_VALUE));
    }
    current = zip.getNextEntry();
    if (current != null && ++entries > MAX_ENTRIES) {
      throw new ZipException(file + " has more than " + MAX_ENTRIES + " zip entries");
    }
    return current;
  }

  /** The current entry's bytes, at most {@code maxBytes} of them (else a ZipException naming the entry). */
  public InputStream entry(long maxBytes) {
    String name = current.getName();
    return new FilterInputStream(zip) {
      private long read;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = zip.read(b, off, len);
        if (n > 0) {
          read += n;
          total += n;
          if (read > maxBytes) {
            throw new ZipException("Entry " + name + " of " + file + " inflates to more than " + maxBytes
                + " bytes, the limit for this entry");
          }
          if (total > maxTotal) {
            throw new ZipException(file + " inflates to more than " + maxTotal + " bytes (" + MAX_RATIO
                + " times its size, at least " + MIN_TOTAL_BYTES + "): refused as a likely zip bomb");
          }
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int got = read(buf, 0, buf.length);
        return Math.max(got, 0);
      }

      @Override
      public void close() {
        // the archive stays open for the next entry
      }
    };
  }

  /** The current entry's bytes in memory, at most {@code maxBytes}. */
  public byte[] bytes(long maxBytes) throws IOException {
    return entry(Math.min(maxBytes, Integer.MAX_VALUE - 8)).readAllBytes();
  }

  /** Copies the current entry into {@code target}, at most {@code maxBytes}. */
  public void copyTo(Path target, long maxBytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      entry(maxBytes).transferTo(out);
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    while (in.read(buf, 0, buf.length) >= 0) {
      // counted by the stream
    }
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException ignored) {
      // nothing was written
    }
  }
}
