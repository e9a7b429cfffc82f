package io.keras4j.backend.tensorflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tensorflow.Graph;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * An opt-in profile of every traced-function run, by TensorFlow op type (the role of TensorBoard's profiler, which
 * Keras users reach through {@code keras.callbacks.TensorBoard(profile_batch=...)}).
 *
 * <p>Run the JVM with {@code -Dkeras4j.profile=FILE}: each run then asks TensorFlow for its step statistics
 * ({@code RunOptions.FULL_TRACE}, which slows the run) and, when the JVM exits, FILE receives a table of the time
 * spent in each op type, its share and its number of executions. Without the property nothing is traced, except
 * while a {@link TFProfileTrace} (the TensorBoard callback's {@code profile_batch}) is recording.
 */
final class TFProfiler {
  private static final String PATH = System.getProperty("keras4j.profile");
  private static final OpTimes GLOBAL = new OpTimes();
  private static final List<TFProfileTrace> TRACES = new CopyOnWriteArrayList<>();

  static {
    if (PATH != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(TFProfiler::write));
    }
  }

  private TFProfiler() {}

  /** Whether runs are traced. */
  static boolean enabled() {
    return PATH != null || !TRACES.isEmpty();
  }

  /** The run options that ask for step statistics. */
  static RunOptions options() {
    return FullTrace.OPTIONS;
  }

  /**
   * Built at the first traced run: a JVM that never profiles loads none of the protocol-buffer classes of run
   * options (a fresh JVM's first predict loaded them for nothing).
   */
  private static final class FullTrace {
    static final RunOptions OPTIONS = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
  }

  /** Starts a trace that receives every run until it is stopped. */
  static TFProfileTrace start() {
    TFProfileTrace trace = new TFProfileTrace();
    TRACES.add(trace);
    return trace;
  }

  /** Stops {@code trace}. */
  static void stop(TFProfileTrace trace) {
    TRACES.remove(trace);
  }

  /** Adds one run's step statistics, each node counted under its op type in {@code graph}. */
  static void record(Graph graph, RunMetadata metadata) {
    GLOBAL.record(graph, metadata);
    for (TFProfileTrace trace : TRACES) {
      trace.add(graph, metadata);
    }
  }

  /** The profile as a markdown table, the most expensive op types first. */
  static String table() {
    return GLOBAL.table();
  }

  private static void write() {
    try {
      // written beside the target, then renamed over it, so a reader never sees half a table
      Path target = Path.of(PATH).toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, table());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the keras4j profile to " + PATH, e);
    }
  }
}
