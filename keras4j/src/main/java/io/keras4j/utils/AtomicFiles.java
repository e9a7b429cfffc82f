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
 * <p>Temporaries are named {@code .<target>.<pid>.<random>.tmp}: a process killed while writing (where no cleanup
 * can run) leaves one behind, and the next write to the same target removes every temporary whose process is gone
 * (a moved-aside {@code .old} directory is put back first when the target is missing). A new file gets the
 * permissions an ordinary file gets (0666 less the umask, 0644 usually, as Keras' files); a replaced file keeps its
 * own.
 *
 * <p>Porting note: Keras writes most files in place; keras4j renames a finished temporary instead, so an interrupted
 * save never leaves a truncated model behind.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final java.util.concurrent.atomic.AtomicBoolean TEMP_SWEPT =
      new java.util.concurrent.atomic.AtomicBoolean();

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
    sweep(target);
    Path tmp = scratch(target, ".tmp", false);
    try {
      writeTemp.accept(tmp);
      sync(tmp);
      keepPermissions(target, tmp);
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
    sweep(target);
    Path tmp = scratch(target, ".tmp", true);
    Path old = null;
    try {
      writeTemp.accept(tmp);
      if (Files.exists(target)) {
        old = scratch(target, ".old", true);
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

  /**
   * A new empty scratch file beside {@code target} named as this class names its temporaries, for a writer that
   * needs a second file (the weights inside a {@code .keras} archive); the caller deletes it, and a later write to
   * {@code target} removes it if this process dies first.
   */
  public static Path scratchFile(Path target, String suffix) throws IOException {
    Files.createDirectories(parent(target));
    return scratch(target, suffix + ".tmp", false);
  }

  /**
   * A private temporary file in the system's temporary directory, {@code keras4j-<pid>-<random><suffix>}, for a
   * reader that unpacks an entry (the weights of a {@code .keras} file); the caller deletes it. The first call in a
   * process removes such files left by processes that no longer run.
   */
  public static Path tempFile(String suffix) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    if (!TEMP_SWEPT.getAndSet(true)) {
      sweepTemp(dir);
    }
    return Files.createTempFile(dir, "keras4j-" + ProcessHandle.current().pid() + "-", suffix);
  }

  private static void sweepTemp(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (!name.startsWith("keras4j-")) {
          continue;
        }
        int dash = name.indexOf('-', "keras4j-".length());
        try {
          long pid = Long.parseLong(name.substring("keras4j-".length(), dash < 0 ? name.length() : dash));
          if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            deleteQuietly(p);
          }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // not one of ours
        }
      }
    } catch (IOException e) {
      LOG.debug("Cannot sweep {}: {}", dir, e.toString());
    }
  }

  private static Path scratch(Path target, String suffix, boolean directory) throws IOException {
    Path dir = parent(target);
    String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
    for (int attempt = 0; ; attempt++) {
      Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
      try {
        return directory ? Files.createDirectory(p) : Files.createFile(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Removes the temporaries of {@code target} left by processes that no longer run; a moved-aside old directory
   * whose target is missing (a kill between the two renames of {@link #writeDirectory}) is put back instead.
   */
  static void sweep(Path target) {
    Path dir = parent(target);
    String prefix = "." + target.getFileName() + ".";
    try (java.util.stream.Stream<Path> siblings = Files.list(dir)) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix) || !(name.endsWith(".tmp") || name.endsWith(".old"))) {
          continue;
        }
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        long pid;
        try {
          pid = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        if (name.endsWith(".old") && !Files.exists(target)) {
          move(p, target);
          LOG.warn("Restored {} from {}, left by an interrupted write", target, p);
        } else {
          deleteQuietly(p);
        }
      }
    } catch (IOException e) {
      LOG.debug("Cannot sweep the temporaries of {}: {}", target, e.toString());
    }
  }

  /** A replaced file keeps its permissions (as a file Keras overwrites in place does). */
  private static void keepPermissions(Path target, Path tmp) {
    try {
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.trace("Permissions of {} not copied: {}", target, e.toString());
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
