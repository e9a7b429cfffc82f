package io.keras4j.tuner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tuner's project directory: deleted when overwriting, reloaded when it holds an oracle.json, created otherwise.
 *
 * <p>Keras equivalent: the project handling of {@code BaseTuner.__init__} (overwrite, reload) with its
 * {@code tuner0.json}.
 */
final class ProjectFiles {
  private ProjectFiles() {}

  static void open(Path projectDir, boolean overwrite, Oracle oracle) {
    try {
      if (overwrite && Files.exists(projectDir)) {
        try (Stream<Path> all = Files.walk(projectDir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(projectDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the tuner project " + projectDir, e);
    }
    oracle.projectDir(projectDir);
    if (Files.exists(projectDir.resolve("oracle.json"))) {
      try {
        oracle.reload();
      } catch (RuntimeException e) {
        throw new IllegalStateException("Error reloading `Oracle` from existing project. If you did not mean to "
            + "reload from an existing project, change the `project_name` or pass `overwrite(true)` when creating "
            + "the `Tuner`. Found existing project at: " + projectDir, e);
      }
    } else {
      oracle.save();
    }
    Json.save(projectDir.resolve("tuner0.json"), Map.of());
  }
}
