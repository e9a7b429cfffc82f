package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * The time spent in each kernel type over traced runs, summed from their step statistics: the table of
 * {@link TFProfiler} and of each {@link TFProfileTrace}.
 */
final class OpTimes {
  private final Map<String, long[]> byType = new HashMap<>();
  private long runs;

  /** Adds one run's step statistics, each node counted under its kernel type in {@code graph}. */
  synchronized void record(Graph graph, RunMetadata metadata) {
    runs++;
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        String type = kernel(graph, node);
        long[] acc = byType.computeIfAbsent(type, k -> new long[2]);
        acc[0] += node.getOpEndRelMicros() - node.getOpStartRelMicros();
        acc[1]++;
      }
    }
  }

  /** The number of runs recorded. */
  synchronized long runs() {
    return runs;
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
  synchronized String table() {
    long total = 0;
    for (long[] acc : byType.values()) {
      total += acc[0];
    }
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(byType.entrySet());
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
}
