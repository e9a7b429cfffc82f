package io.keras4j.utils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file or a directory so that readers see either the previous content or the complete new one: the writer
 * fills a temporary sibling, which is then renamed over the target.
 *
 * <pre>{@code AtomicFiles.write(file, tmp -> Files.writeString(tmp, text));}</pre>
 *
 * <p>Every model, weights and data file keras4j writes ({@code .keras}, {@code .weights.h5}, {@code .npy},
 * {@code .npz}, backups, SavedModel directories) goes through this class (the engine's profile table, written by the
 * backend, which uses no other keras4j package, renames its own temporary). On any exception from the writer the
 * temporary is deleted, the previous target is left as it was, and the exception is rethrown unchanged.
 *
 * <p>Porting note: Keras writes most files in place; keras4j renames a finished temporary instead, so an interrupted
 * save never leaves a truncated model behind.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private AtomicFiles() {}

  /** Writes to a path given to it; may throw {@link IOException}. */
  @FunctionalInterface
  public interface IOConsumer<T> {
    void accept(T t) throws IOException;
  }

  /**
   * Writes {@code target} through {@code writeTemp}, which receives an empty temporary file in the target's directory
   * (created if missing) and writes the whole content there. The temporary is synced to disk and renamed over the
   * target, atomically where the file system allows.
   */
  public static void write(Path target, IOConsumer<Path> writeTemp) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      writeTemp.accept(tmp);
      sync(tmp);
      move(tmp, target);
      tmp = null;
      syncDirectory(dir);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Writes the directory {@code target} through {@code writeTemp}, which receives a new empty temporary directory
   * beside the target and fills it. The temporary then takes the target's place; an existing target is first moved
   * aside and deleted only once the new directory is in place (restored if the rename fails).
   *
   * <p>Porting note: no file system replaces a non-empty directory in one step; between the two renames the target
   * path is briefly absent, but its old or new content is always complete on disk.
   */
  public static void writeDirectory(Path target, IOConsumer<Path> writeTemp) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IOException("Expected a directory or nothing at " + target + ". Received: a file");
    }
    Path tmp = Files.createTempDirectory(dir, "." + target.getFileName() + ".tmp");
    Path old = null;
    try {
      writeTemp.accept(tmp);
      if (Files.exists(target)) {
        old = Files.createTempDirectory(dir, "." + target.getFileName() + ".old");
        Files.delete(old);
        move(target, old);
        try {
          move(tmp, target);
        } catch (IOException | RuntimeException e) {
          Path previous = old;
          old = null; // kept on disk even if putting it back fails
          try {
            move(previous, target);
          } catch (IOException restore) {
            e.addSuppressed(restore);
          }
          throw e;
        }
      } else {
        move(tmp, target);
      }
      tmp = null;
      syncDirectory(dir);
    } finally {
      deleteQuietly(tmp);
      deleteQuietly(old);
    }
  }

  private static Path parent(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IllegalArgumentException("Expected a file path with a parent directory. Received: " + target);
    }
    return dir;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void sync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Makes the rename durable where the platform allows opening a directory (POSIX); elsewhere a no-op. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.trace("Directory {} not synced: {}", dir, e.toString());
    }
  }

  /** Deletes {@code p} (a file, or a directory tree) if it is not null; a failure is logged, not thrown. */
  private static void deleteQuietly(Path p) {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try {
      Files.walkFileTree(p, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
          Files.delete(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      LOG.debug("Cannot delete the temporary {}: {}", p, e.toString());
    }
  }
}
