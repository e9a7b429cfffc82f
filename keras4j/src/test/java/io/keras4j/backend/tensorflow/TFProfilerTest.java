package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.StepStats;

/** The profile sums each node's op time under its op type, the most expensive type first. */
class TFProfilerTest {
  static NodeExecStats node(String name, long start, long end) {
    return NodeExecStats.newBuilder().setNodeName(name).setOpStartRelMicros(start).setOpEndRelMicros(end).build();
  }

  @Test
  void sumsOpTimeByType() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      tf.withName("a").constant(1f);
      tf.withName("b").constant(2f);
      tf.withName("c").math.add(tf.constant(1f), tf.constant(2f));
      // a and b (Const) take 1500 us and 500 us; c (Add) 1000 us: Const 2.0 ms, 66.7%, 1000.0 us each
      RunMetadata md = RunMetadata.newBuilder().setStepStats(StepStats.newBuilder().addDevStats(
          DeviceStepStats.newBuilder().addNodeStats(node("a", 0, 1500)).addNodeStats(node("b", 10, 510))
              .addNodeStats(node("c", 600, 1600)))).build();
      TFProfiler.record(g, md);
      // a fused kernel is reported by the name its timeline label gives, not the graph node's type
      TFProfiler.record(g, RunMetadata.newBuilder().setStepStats(StepStats.newBuilder().addDevStats(
          DeviceStepStats.newBuilder().addNodeStats(node("c", 0, 4000).toBuilder()
              .setTimelineLabel("c = _FusedMatMul(x, w, b)")))).build());
      String table = TFProfiler.table();
      assertTrue(table.contains("| _FusedMatMul | 4.0 | 57.1% | 1 | 4000.0 |"), table);
      assertTrue(table.contains("| Const | 2.0 | 28.6% | 2 | 1000.0 |"), table);
      assertTrue(table.contains("| Add | 1.0 | 14.3% | 1 | 1000.0 |"), table);
      assertTrue(table.indexOf("_FusedMatMul") < table.indexOf("Const"), table);
      assertTrue(table.indexOf("Const") < table.indexOf("| Add"), table);
    }
  }
}
