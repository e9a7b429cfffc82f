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
}
