package io.keras4j.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * The raw TensorFlow Java loop's step statistics by kernel, the same table keras4j's {@code -Dkeras4j.profile}
 * writes (time per kernel type over FULL_TRACE runs), so the two step graphs compare op by op; also the wall
 * time of one untraced pass split into host batch preparation, {@code Session.run} and the fetch.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.RawProfile w1_predict|w1_train|w2_train|w3_train|w3_predict}: one
 * untraced pass, then one traced pass (one epoch for training) of the same loop RawGap times.
 */
public final class RawProfile {
  private static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
  private final Map<String, long[]> byKernel = new HashMap<>();
  private int runs;

  private RawProfile() {}

  public static void main(String[] args) {
    String workload = args.length > 0 ? args[0] : "w3_predict";
    boolean w1 = workload.startsWith("w1");
    boolean w2 = workload.startsWith("w2");
    int n = w1 ? 20000 : w2 ? 60000 : 10000;
    long[] shape = w1 ? new long[] {n, 5} : w2 ? new long[] {n, 784} : new long[] {n, 28, 28, 1};
    int batch = w1 ? (workload.endsWith("predict") ? 1024 : 32) : w2 ? 128 : 64;
    float[] x = w1 ? RawTensorFlow.flat(Data.features(n, 5, 1)) : w2 ? RawTensorFlow.flat(Data.features(n, 784, 2))
        : RawTensorFlow.flat(Data.flatten(Data.images(n, 3)));
    try (RawTensorFlow r = w1 ? RawTensorFlow.w1() : w2 ? RawTensorFlow.w2() : RawTensorFlow.w3()) {
      RawProfile p = new RawProfile();
      if (args.length > 1) { // untimed passes only, for wall and CPU time against Profile's
        untraced(r, workload, x, shape, batch, Integer.parseInt(args[1]));
        return;
      }
      if (workload.endsWith("predict")) {
        r.predict(x, shape, batch);
        p.traced(r, x, shape, null, batch);
      } else {
        Object y = w1 ? Data.column(Data.binaryLabels(Data.features(n, 5, 1))) : w2
            ? Data.oneHot10(Data.features(n, 784, 2)) : Data.digitLabels(Data.images(n, 3));
        r.fit(x, shape, y, 1, batch);
        p.traced(r, x, shape, y, batch);
      }
      System.out.print(p.table());
    }
  }

  /** {@code passes} untraced passes after one warm-up: their wall and process CPU time, as Profile prints. */
  private static void untraced(RawTensorFlow r, String workload, float[] x, long[] shape, int batch, int passes) {
    int n = (int) shape[0];
    Object y = workload.startsWith("w1") ? Data.column(Data.binaryLabels(Data.features(n, 5, 1)))
        : workload.startsWith("w2") ? Data.oneHot10(Data.features(n, 784, 2)) : Data.digitLabels(Data.images(n, 3));
    boolean predict = workload.endsWith("predict");
    Runnable pass = () -> {
      if (predict) {
        r.predict(x, shape, batch);
      } else {
        r.fit(x, shape, y, 1, batch);
      }
    };
    pass.run();
    long t = System.nanoTime();
    long cpu = Profile.processCpuNanos();
    for (int i = 0; i < passes; i++) {
      pass.run();
    }
    System.out.printf("%s traced pass: %.1f ms wall, %.1f ms process CPU%n", workload, (System.nanoTime() - t) / 1e6,
        (Profile.processCpuNanos() - cpu) / 1e6);
  }

  /** One traced pass of the raw loop, predict when {@code y} is null, else one epoch of training; host time split. */
  private void traced(RawTensorFlow r, float[] x, long[] xShape, Object y, int batch) {
    int n = (int) xShape[0];
    int row = x.length / n;
    long prep = 0;
    long run = 0;
    long wall = System.nanoTime();
    for (int start = 0; start < n; start += batch) {
      int len = Math.min(batch, n - start);
      long[] bs = xShape.clone();
      bs[0] = len;
      long t0 = System.nanoTime();
      try (TFloat32 xb = TFloat32.tensorOf(Shape.of(bs), DataBuffers.of(x, true, false).slice((long) start * row,
          (long) len * row)); org.tensorflow.Tensor yb = y == null ? null : RawTensorFlow.yBatch(y, start, len)) {
        long t1 = System.nanoTime();
        var runner = r.session.runner().feed(r.x, xb);
        if (y == null) {
          runner.fetch(r.out);
        } else {
          runner.feed(r.y, yb).addTarget(r.train);
        }
        try (Result res = runner.setOptions(FULL_TRACE).runAndFetchMetadata()) {
          run += System.nanoTime() - t1;
          res.getMetadata().ifPresent(m -> record(m.getStepStats().getDevStatsList()));
        }
        prep += t1 - t0;
      }
    }
    System.out.printf("traced pass: %.1f ms wall, %.1f ms batch preparation, %.1f ms Session.run%n",
        (System.nanoTime() - wall) / 1e6, prep / 1e6, run / 1e6);
  }

  private void record(List<DeviceStepStats> devices) {
    runs++;
    for (DeviceStepStats device : devices) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        long[] acc = byKernel.computeIfAbsent(kernel(node), k -> new long[2]);
        acc[0] += node.getOpEndRelMicros() - node.getOpStartRelMicros();
        acc[1]++;
      }
    }
  }

  /** The kernel a node ran, from its timeline label ("name = Kernel(inputs)"). */
  static String kernel(NodeExecStats node) {
    String label = node.getTimelineLabel();
    int eq = label.indexOf(" = ");
    int paren = label.indexOf('(', eq + 3);
    return eq >= 0 && paren > eq ? label.substring(eq + 3, paren) : "(runtime) " + node.getNodeName();
  }

  private String table() {
    long total = byKernel.values().stream().mapToLong(a -> a[0]).sum();
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(byKernel.entrySet());
    rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    StringBuilder s = new StringBuilder(String.format("%d traced runs%n| op type | ms | share | executions |%n"
        + "|---|---|---|---|%n", runs));
    for (Map.Entry<String, long[]> e : rows) {
      s.append(String.format("| %s | %.1f | %.1f%% | %d |%n", e.getKey(), e.getValue()[0] / 1000.0,
          100.0 * e.getValue()[0] / Math.max(1, total), e.getValue()[1]));
    }
    return s.toString();
  }
}
