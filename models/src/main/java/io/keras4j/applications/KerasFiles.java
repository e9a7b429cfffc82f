package io.keras4j.applications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads a file once into Keras' cache and returns its path, checking its hash.
 *
 * <p>Keras equivalent: {@code keras.utils.get_file(fname, origin, file_hash=..., cache_subdir=...)}. The cache is
 * {@code $KERAS_HOME/<cache_subdir>} ({@code ~/.keras/models} for application weights), shared with Python Keras; a
 * cached file whose hash differs is downloaded again; a downloaded file whose hash differs is deleted and refused.
 * <pre>{@code Path p = KerasFiles.getFile("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", url, hash, "models");}</pre>
 *
 * <p>Porting note: the system property {@code keras.home} stands before {@code KERAS_HOME} (a JVM cannot set its
 * environment); the download uses the JDK's {@link HttpClient} and prints Keras' "Downloading data from" line and a
 * progress bar to standard output.
 */
public final class KerasFiles {
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30)).build();

  private KerasFiles() {}

  /** Keras' cache directory: {@code keras.home}, {@code $KERAS_HOME} or {@code ~/.keras}. */
  public static Path kerasHome() {
    String home = System.getProperty("keras.home", System.getenv("KERAS_HOME"));
    return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".keras");
  }

  /**
   * The cached file {@code kerasHome()/cacheSubdir/fname}, downloaded from {@code origin} when absent or when its
   * hash (md5, or sha256 for a 64-digit {@code fileHash}; none checked when null) differs.
   *
   * @throws java.io.UncheckedIOException when the download fails, naming the URL and where to put the file by hand
   * @throws IllegalStateException when the downloaded file's hash differs from {@code fileHash}
   */
  public static Path getFile(String fname, String origin, String fileHash, String cacheSubdir) {
    Path dir = kerasHome().resolve(cacheSubdir);
    Path target = dir.resolve(fname);
    if (Files.isRegularFile(target)) {
      if (fileHash == null || validate(target, fileHash)) {
        return target;
      }
      System.out.println("A local file was found, but it seems to be incomplete or outdated because the "
          + algorithm(fileHash) + " file hash does not match the original value of " + fileHash
          + " so we will re-download the data.");
    }
    download(origin, dir, target);
    if (fileHash != null && !validate(target, fileHash)) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // the refusal below matters more than a leftover file
      }
      throw new IllegalStateException("Incomplete or corrupted file detected. The " + algorithm(fileHash)
          + " file hash does not match the provided value of " + fileHash + ": " + origin);
    }
    return target;
  }

  private static void download(String origin, Path dir, Path target) {
    System.out.println("Downloading data from " + origin);
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, target.getFileName().toString(), ".part");
      HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(URI.create(origin)).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          throw new IOException("HTTP " + r.statusCode());
        }
        long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (OutputStream out = Files.newOutputStream(tmp)) {
          copy(in, out, total, System.out);
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("URL fetch failure on " + origin + ": " + e.getMessage() + ". Without "
          + "network access, download the file elsewhere and put it at " + target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Download of " + origin + " interrupted", e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file left in the cache directory is harmless
      }
    }
  }

  /** Copies {@code in} to {@code out}, drawing a 30-character progress bar (bytes when the total is unknown). */
  static long copy(InputStream in, OutputStream out, long total, PrintStream progress) throws IOException {
    byte[] buf = new byte[1 << 16];
    long done = 0;
    int shown = -1;
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      done += n;
      int filled = total > 0 ? (int) (30 * done / total) : -1;
      if (filled != shown || total <= 0) {
        shown = filled;
        progress.print("\r" + progressBar(done, total));
      }
    }
    progress.println();
    return done;
  }

  /** Keras' Progbar line for {@code done} of {@code total} bytes: {@code "    1024/2048 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"}. */
  static String progressBar(long done, long total) {
    if (total <= 0) {
      return done + " bytes";
    }
    int filled = (int) Math.min(30, 30 * done / total);
    return String.format("%" + String.valueOf(total).length() + "d/%d ", done, total) + "\u2501".repeat(filled)
        + " ".repeat(30 - filled);
  }

  /** Whether {@code file}'s md5 (or sha256, for a 64-digit hash) equals {@code fileHash}. */
  public static boolean validate(Path file, String fileHash) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance(algorithm(fileHash).equals("sha256") ? "SHA-256" : "MD5");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(fileHash);
    } catch (IOException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keras' "auto" hash algorithm: sha256 for a 64-digit hash, md5 otherwise. */
  static String algorithm(String fileHash) {
    return fileHash.length() == 64 ? "sha256" : "md5";
  }
}
