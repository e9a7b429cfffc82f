package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void replacesTheTargetOnSuccess() throws IOException {
    Path f = dir.resolve("a.npy");
    Files.writeString(f, "old");
    AtomicFiles.write(f, tmp -> Files.writeString(tmp, "new content"));
    assertEquals("new content", Files.readString(f));
    assertEquals(List.of("a.npy"), names());
  }

  @Test
  void createsTheTargetAndMissingParents() throws IOException {
    Path f = dir.resolve("sub/deeper/w.weights.h5");
    AtomicFiles.write(f, tmp -> Files.write(tmp, new byte[] {1, 2, 3}));
    assertEquals(3, Files.size(f));
    try (Stream<Path> s = Files.list(f.getParent())) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void previousFileSurvivesAnIOExceptionMidway() throws IOException {
    Path f = dir.resolve("m.keras");
    Files.writeString(f, "previous model");
    IOException boom = new IOException("disk full");
    IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write("half of a new mod".getBytes(StandardCharsets.UTF_8));
        throw boom;
      }
    }));
    assertSame(boom, thrown);
    assertEquals("previous model", Files.readString(f));
    assertEquals(List.of("m.keras"), names());
  }

  @Test
  void previousFileSurvivesARuntimeExceptionAndNoTemporaryIsLeft() throws IOException {
    Path f = dir.resolve("x.npz");
    Files.writeString(f, "kept");
    IllegalStateException boom = new IllegalStateException("writer failed");
    assertSame(boom, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, tmp -> {
      Files.writeString(tmp, "partial");
      throw boom;
    })));
    assertEquals("kept", Files.readString(f));
    assertEquals(List.of("x.npz"), names());
  }

  @Test
  void failedFirstWriteLeavesNothing() {
    Path f = dir.resolve("new.npy");
    assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
      throw new IOException("no");
    }));
    assertFalse(Files.exists(f));
    assertEquals(0, dir.toFile().list().length);
  }

  @Test
  void directoryIsReplacedOnSuccess() throws IOException {
    Path d = dir.resolve("export");
    Files.createDirectories(d.resolve("variables"));
    Files.writeString(d.resolve("saved_model.pb"), "old graph");
    Files.writeString(d.resolve("variables/stale.index"), "stale");
    AtomicFiles.writeDirectory(d, tmp -> {
      Files.writeString(tmp.resolve("saved_model.pb"), "new graph");
      Files.createDirectories(tmp.resolve("variables"));
      Files.writeString(tmp.resolve("variables/variables.index"), "idx");
    });
    assertEquals("new graph", Files.readString(d.resolve("saved_model.pb")));
    assertTrue(Files.exists(d.resolve("variables/variables.index")));
    assertFalse(Files.exists(d.resolve("variables/stale.index")));
    assertEquals(List.of("export"), names());
  }

  @Test
  void previousDirectorySurvivesAFailedWrite() throws IOException {
    Path d = dir.resolve("export");
    Files.createDirectories(d);
    Files.writeString(d.resolve("saved_model.pb"), "old graph");
    assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(d, tmp -> {
      Files.createDirectories(tmp.resolve("variables"));
      Files.writeString(tmp.resolve("variables/part"), "half");
      throw new IOException("export failed");
    }));
    assertEquals("old graph", Files.readString(d.resolve("saved_model.pb")));
    assertEquals(List.of("saved_model.pb"), List.of(d.toFile().list()));
    assertEquals(List.of("export"), names());
  }

  @Test
  void directoryTargetThatIsAFileIsRefused() throws IOException {
    Path f = dir.resolve("export");
    Files.writeString(f, "a file");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(f, tmp -> { }));
    assertTrue(e.getMessage().contains("Expected a directory"), e.getMessage());
    assertEquals("a file", Files.readString(f));
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void temporariesOfAKilledWriterAreRemovedByTheNextWrite() throws Exception {
    Path f = dir.resolve("m.keras");
    Files.writeString(f, "v1");
    long dead = deadPid();
    Path staleTmp = Files.writeString(dir.resolve(".m.keras." + dead + ".k3j.tmp"), "partial");
    Path staleWeights = Files.writeString(dir.resolve(".m.keras." + dead + ".x9.weights.h5.tmp"), "partial");
    long me = ProcessHandle.current().pid();
    Path ours = Files.writeString(dir.resolve(".m.keras." + me + ".live.tmp"), "another thread of this process");
    Path unrelated = Files.writeString(dir.resolve(".other.keras." + dead + ".k3j.tmp"), "not this target's");
    AtomicFiles.write(f, tmp -> Files.writeString(tmp, "v2"));
    assertEquals("v2", Files.readString(f));
    assertFalse(Files.exists(staleTmp));
    assertFalse(Files.exists(staleWeights));
    assertTrue(Files.exists(ours), "a temporary of a running process is left alone");
    assertTrue(Files.exists(unrelated), "temporaries of other targets are left alone");
  }

  @Test
  void anOldDirectoryLeftBetweenTheTwoRenamesIsPutBack() throws Exception {
    Path target = dir.resolve("saved_model");
    Path old = Files.createDirectory(dir.resolve(".saved_model." + deadPid() + ".q1.old"));
    Files.writeString(old.resolve("saved_model.pb"), "previous");
    AtomicFiles.sweep(target);
    assertEquals("previous", Files.readString(target.resolve("saved_model.pb")));
    assertEquals(List.of("saved_model"), names());
  }

  @Test
  void newFilesGetTheModeOfAnOrdinaryFileAndReplacedFilesKeepTheirs() throws IOException {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    var ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("ordinary")));
    Path f = dir.resolve("w.weights.h5");
    AtomicFiles.write(f, tmp -> Files.writeString(tmp, "x"));
    assertEquals(ordinary, Files.getPosixFilePermissions(f), "0666 less the umask, as Keras' files");
    var groupWritable = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(f, groupWritable);
    AtomicFiles.write(f, tmp -> Files.writeString(tmp, "y"));
    assertEquals(groupWritable, Files.getPosixFilePermissions(f));
  }
}
