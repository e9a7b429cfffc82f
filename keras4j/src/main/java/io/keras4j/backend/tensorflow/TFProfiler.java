package io.keras4j.backend.tensorflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * An opt-in profile of every traced-function run, by TensorFlow op type (the role of TensorBoard's profiler, which
 * Keras users reach through {@code keras.callbacks.TensorBoard(profile_batch=...)}).
 *
 * <p>Run the JVM with {@code -Dkeras4j.profile=FILE}: each run then asks TensorFlow for its step statistics
 * ({@code RunOptions.FULL_TRACE}, which slows the run) and, when the JVM exits, FILE receives a table of the time
 * spent in each op type, its share and its number of executions. Without the property nothing is traced.
 */
final class TFProfiler {
  private static final String PATH = System.getProperty("keras4j.profile");
  private static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
  private static final Map<String, long[]> BY_TYPE = new HashMap<>();
  private static long runs;

  static {
    if (PATH != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(TFProfiler::write));
    }
  }

  private TFProfiler() {}

  /** Whether runs are traced. */
  static boolean enabled() {
    return PATH != null;
  }

  /** The run options that ask for step statistics. */
  static RunOptions options() {
    return FULL_TRACE;
  }

  /** Adds one run's step statistics, each node counted under its op type in {@code graph}. */
  static synchronized void record(Graph graph, RunMetadata metadata) {
    runs++;
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        String type = kernel(graph, node);
        long[] acc = BY_TYPE.computeIfAbsent(type, k -> new long[2]);
        acc[0] += node.getOpEndRelMicros() - node.getOpStartRelMicros();
        acc[1]++;
      }
    }
  }

  /**
   * The kernel that ran: the timeline label's op ({@code "name = _FusedMatMul(a, b)"}), which names the kernels
   * TensorFlow's graph optimiser fused under one node; else the node's op type in {@code graph}.
   */
  static String kernel(Graph graph, NodeExecStats node) {
    String label = node.getTimelineLabel();
    int eq = label.indexOf(" = ");
    int paren = label.indexOf('(', eq + 3);
    if (eq >= 0 && paren > eq) {
      return label.substring(eq + 3, paren);
    }
    GraphOperation op = graph.operation(node.getNodeName());
    return op != null ? op.type() : "(runtime) " + node.getNodeName().replaceAll("[0-9_]+$", "");
  }

  /** The profile as a markdown table, the most expensive op types first. */
  static synchronized String table() {
    long total = 0;
    for (long[] acc : BY_TYPE.values()) {
      total += acc[0];
    }
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(BY_TYPE.entrySet());
    rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    StringBuilder s = new StringBuilder();
    s.append(String.format("%d traced runs; op time summed over ops (ops on parallel threads overlap)%n%n", runs));
    s.append("| op type | ms | share | executions | us per execution |\n|---|---|---|---|---|\n");
    for (Map.Entry<String, long[]> e : rows) {
      long[] acc = e.getValue();
      s.append(String.format("| %s | %.1f | %.1f%% | %d | %.1f |%n", e.getKey(), acc[0] / 1000.0,
          total == 0 ? 0 : 100.0 * acc[0] / total, acc[1], acc[1] == 0 ? 0 : (double) acc[0] / acc[1]));
    }
    return s.toString();
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
