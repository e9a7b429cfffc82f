package io.keras4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * The raw TensorFlow Java loop's W3 prediction (batch 64) node by node, to hold against Keras on JAX's per-HLO times
 * (bench/keras/profile_w3_jax.py, docs/perf/jaxgap.md): untimed warm-up, {@code passes} timed untraced passes over
 * the 10,000 images (samples/s each), then one FULL_TRACE pass whose step statistics are averaged per node (its
 * kernel in brackets) in microseconds per batch, and the op types of the partition graph that ran.
 *
 * <p>Session options for the experiments: {@code -Dintra_op=N}, {@code -Dinter_op=N} (TensorFlow's thread pools;
 * default: TensorFlow's own choice); environment {@code TF_ENABLE_ONEDNN_OPTS=0} (Eigen kernels instead of oneDNN's)
 * and {@code TF_XLA_FLAGS="--tf_xla_auto_jit=2 --tf_xla_cpu_global_jit"} (XLA clusters) are read by TensorFlow at
 * process start.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.RawNodeProfile [passes, default 3]}.
 */
public final class RawNodeProfile {
  private static final int BATCH = 64;
  private static final Pattern KERNEL = Pattern.compile(" = ([\\w.]+)\\(");
  private final Map<String, long[]> byNode = new LinkedHashMap<>();
  private int runs;

  private RawNodeProfile() {}

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    float[] x = RawTensorFlow.flat(Data.flatten(Data.images(10000, 3)));
    long[] shape = {10000, 28, 28, 1};
    try (RawTensorFlow r = RawTensorFlow.w3(); Session s = new Session(r.graph, config())) {
      s.initialize();
      untraced(r, s, x, shape);
      StringBuilder rates = new StringBuilder("untraced passes, samples/s:");
      for (int i = 0; i < passes; i++) {
        rates.append(String.format(" %,.0f", untraced(r, s, x, shape)));
      }
      System.out.println(rates);
      RawNodeProfile p = new RawNodeProfile();
      p.traced(r, s, x, shape);
      System.out.print(p.table());
    }
  }

  private static ConfigProto config() {
    ConfigProto.Builder c = ConfigProto.newBuilder();
    if (System.getProperty("intra_op") != null) {
      c.setIntraOpParallelismThreads(Integer.parseInt(System.getProperty("intra_op")));
    }
    if (System.getProperty("inter_op") != null) {
      c.setInterOpParallelismThreads(Integer.parseInt(System.getProperty("inter_op")));
    }
    return c.build();
  }

  private static TFloat32 batch(float[] x, long[] xShape, int start) {
    int n = (int) xShape[0];
    int row = x.length / n;
    int len = Math.min(BATCH, n - start);
    long[] bs = xShape.clone();
    bs[0] = len;
    return TFloat32.tensorOf(Shape.of(bs), DataBuffers.of(x, true, false).slice((long) start * row, (long) len * row));
  }

  /** One untraced pass of the raw predict loop on session {@code s}; samples/s. */
  private static double untraced(RawTensorFlow r, Session s, float[] x, long[] xShape) {
    long t = System.nanoTime();
    for (int start = 0; start < xShape[0]; start += BATCH) {
      try (TFloat32 xb = batch(x, xShape, start); Result res = s.runner().feed(r.x, xb).fetch(r.out).run()) {
        res.get(0);
      }
    }
    return xShape[0] / ((System.nanoTime() - t) / 1e9);
  }

  private void traced(RawTensorFlow r, Session s, float[] x, long[] xShape) {
    RunOptions options = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
        .setOutputPartitionGraphs(true).build();
    TreeSet<String> opTypes = new TreeSet<>();
    for (int start = 0; start < xShape[0]; start += BATCH) {
      try (TFloat32 xb = batch(x, xShape, start);
          Result res = s.runner().feed(r.x, xb).fetch(r.out).setOptions(options).runAndFetchMetadata()) {
        res.getMetadata().ifPresent(m -> {
          record(m.getStepStats().getDevStatsList());
          for (GraphDef g : m.getPartitionGraphsList()) {
            g.getNodeList().stream().map(NodeDef::getOp).forEach(opTypes::add);
          }
        });
      }
    }
    System.out.println("partition graph op types: " + opTypes);
  }

  private void record(List<DeviceStepStats> devices) {
    runs++;
    devices.stream().flatMap(d -> d.getNodeStatsList().stream()).forEach(node -> byNode.computeIfAbsent(
        node.getNodeName() + " [" + kernel(node) + "]", k -> new long[1])[0] += node.getOpEndRelMicros()
        - node.getOpStartRelMicros());
  }

  /** The kernel in a node's timeline label ("name = Kernel(inputs)"), or "runtime" for the executor's own nodes. */
  private static String kernel(NodeExecStats node) {
    Matcher m = KERNEL.matcher(node.getTimelineLabel());
    return m.find() ? m.group(1) : "runtime";
  }

  private String table() {
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(byNode.entrySet());
    rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    long total = rows.stream().mapToLong(e -> e.getValue()[0]).sum();
    StringBuilder s = new StringBuilder(String.format("%d traced batches; op time %.0f us per batch%n"
        + "| node [kernel] | us per batch |%n|---|---|%n", runs, (double) total / runs));
    for (Map.Entry<String, long[]> e : rows) {
      if (e.getValue()[0] >= runs) {
        s.append(String.format("| %s | %.0f |%n", e.getKey(), (double) e.getValue()[0] / runs));
      }
    }
    return s.toString();
  }
}
