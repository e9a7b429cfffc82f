package io.keras4j.backend.tensorflow;

import io.keras4j.backend.ProfileTrace;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.proto.RunMetadata;

/**
 * The TensorFlow engine's {@link ProfileTrace}: the step statistics of the runs traced while it records, by op type
 * and as one {@code RunMetadata} with the graphs that ran.
 *
 * <p>Porting note: Keras' TensorFlow backend runs {@code tf.profiler.experimental.start/stop}, whose XSpace
 * ({@code .xplane.pb}) files TensorBoard's profile plugin reads; TensorFlow Java 1.0 does not expose that profiler,
 * so keras4j records the sessions' step statistics ({@code RunOptions.FULL_TRACE}), which TensorBoard's graph
 * dashboard reads.
 */
final class TFProfileTrace implements ProfileTrace {
  private final OpTimes times = new OpTimes();
  private final RunMetadata.Builder merged = RunMetadata.newBuilder();
  private final Set<Graph> graphs = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Adds one traced run of {@code graph}. */
  synchronized void add(Graph graph, RunMetadata metadata) {
    times.record(graph, metadata);
    merged.getStepStatsBuilder().addAllDevStats(metadata.getStepStats().getDevStatsList());
    if (graphs.add(graph)) {
      merged.addFunctionGraphs(RunMetadata.FunctionGraphs.newBuilder().setPreOptimizationGraph(graph.toGraphDef()));
    }
  }

  @Override
  public void stop() {
    TFProfiler.stop(this);
  }

  @Override
  public long runs() {
    return times.runs();
  }

  @Override
  public String table() {
    return times.table();
  }

  @Override
  public synchronized byte[] runMetadata() {
    return merged.build().toByteArray();
  }
}
