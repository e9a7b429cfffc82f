package io.keras4j.plot;

import io.keras4j.utils.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text with Graphviz's {@code dot} program, as Keras' {@code plot_model} does through pydot.
 *
 * <p>Used when {@link PlotModelOptions#useGraphviz(boolean)} asks for it, or for a file format the Java renderer
 * does not write (PDF, PostScript, ...). {@code dot} is looked up on the PATH.
 */
final class Graphviz {
  private static final long TIMEOUT_S = 120;

  private Graphviz() {}

  /** The {@code dot} executable on the PATH, or null. */
  static Path dot() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "dot");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  static boolean available() {
    return dot() != null;
  }

  /** Writes {@code dotText} rendered in {@code format} ("png", "svg", "pdf", ...) to {@code file}. */
  static void render(String dotText, String format, Path file) throws IOException {
    Path dot = dot();
    if (dot == null) {
      throw new IllegalStateException("You must install graphviz (see instructions at "
          + "https://graphviz.gitlab.io/download/) for `plot_model` with useGraphviz(true) to work: `dot` was not "
          + "found on the PATH. Received: to_file=" + file);
    }
    AtomicFiles.write(file, tmp -> run(dot, dotText, format, tmp));
  }

  private static void run(Path dot, String dotText, String format, Path out) throws IOException {
    Process p = new ProcessBuilder(dot.toString(), "-T" + format, "-o", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(dotText.getBytes(StandardCharsets.UTF_8));
    }
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("Graphviz `dot -T" + format + "` did not finish in " + TIMEOUT_S + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while Graphviz `dot` was running", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("Graphviz `dot -T" + format + "` failed (exit " + p.exitValue() + "): " + err);
    }
  }
}
