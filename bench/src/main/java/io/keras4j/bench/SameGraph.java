package io.keras4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs the W3 GraphDef that {@code bench/keras/same_graph.py write DIR} wrote with TensorFlow 2.21, here on
 * TensorFlow Java 1.0's TensorFlow 2.16.2, in the same loop as that script's {@code run} (batch 64 over 10,000
 * images, a plain Session with default options): the same graph on both versions, so a difference is TensorFlow's
 * (kernels, oneDNN, Grappler), not the graph's. Prints samples/s per pass, then the kernels of one traced pass.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.SameGraph DIR predict|train PASSES}.
 */
public final class SameGraph {
  private static final int N = 10000;
  private static final int BATCH = 64;

  private SameGraph() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    boolean train = args[1].equals("train");
    int passes = Integer.parseInt(args[2]);
    java.util.Random rng = new java.util.Random(3);
    float[] x = new float[N * 28 * 28];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextFloat();
    }
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = rng.nextInt(10);
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      g.importGraphDef(GraphDef.parseFrom(Files.readAllBytes(dir.resolve("w3.pb"))));
      s.runner().addTarget(Files.readString(dir.resolve("init.txt")).strip()).run();
      pass(s, x, y, train, null);
      for (int p = 0; p < passes; p++) {
        long t = System.nanoTime();
        pass(s, x, y, train, null);
        System.out.printf("%s samples/s %.0f%n", args[1], N / ((System.nanoTime() - t) / 1e9));
      }
      Map<String, long[]> byKernel = new HashMap<>();
      pass(s, x, y, train, byKernel);
      print(byKernel, (N + BATCH - 1) / BATCH);
    }
  }

  private static void pass(Session s, float[] x, int[] y, boolean train, Map<String, long[]> trace) {
    int row = 28 * 28;
    for (int start = 0; start < N; start += BATCH) {
      int len = Math.min(BATCH, N - start);
      try (TFloat32 xb = TFloat32.tensorOf(Shape.of(len, 28, 28, 1),
          DataBuffers.of(x, true, false).slice((long) start * row, (long) len * row));
          TInt32 yb = TInt32.tensorOf(Shape.of(len), DataBuffers.of(java.util.Arrays.copyOfRange(y, start,
              start + len), true, false))) {
        Session.Runner r = s.runner().feed("x", xb);
        r = train ? r.feed("y", yb).addTarget("train") : r.fetch("out");
        if (trace != null) {
          r.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
        }
        try (Result res = trace == null ? r.run() : r.runAndFetchMetadata()) {
          if (trace != null) {
            res.getMetadata().ifPresent(m -> m.getStepStats().getDevStatsList().forEach(d -> {
              for (NodeExecStats n : d.getNodeStatsList()) {
                record(trace, n);
              }
            }));
          }
        }
      }
    }
  }

  private static void record(Map<String, long[]> byKernel, NodeExecStats node) {
    long[] acc = byKernel.computeIfAbsent(RawProfile.kernel(node), k -> new long[2]);
    acc[0] += node.getOpEndRelMicros() - node.getOpStartRelMicros();
    acc[1]++;
  }

  private static void print(Map<String, long[]> byKernel, int runs) {
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(byKernel.entrySet());
    rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    System.out.printf("%d traced runs%n| kernel | ms | executions | us per execution |%n|---|---|---|---|%n", runs);
    for (Map.Entry<String, long[]> e : rows) {
      long[] v = e.getValue();
      System.out.printf("| %s | %.1f | %d | %.1f |%n", e.getKey(), v[0] / 1000.0, v[1], (double) v[0] / v[1]);
    }
  }
}
