package io.keras4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * The raw TensorFlow Java loop's W2 training (RawTensorFlow.w2(), batch 128, 60,000 rows) split into its parts, the
 * peer of bench/keras/profile_w2_jax.py (Keras on JAX); docs/perf/w2jax.md.
 *
 * <p>{@code W2Profile step [passes]}: one untimed epoch, {@code passes} timed epochs (us per step; the host's batch
 * preparation and {@code Session.run} timed apart in each), the floor of a {@code Session.run} with the same two
 * feeds and a {@code NoOp} target, then one FULL_TRACE epoch averaged per node and per kernel type (us per step),
 * with the span of each step's ops (first start to last end) and the op types of the partition graph.
 *
 * <p>{@code W2Profile parts [rounds]}: the step's kernels alone in their own graphs, on variables of the step's
 * exact shapes (no feeds), untraced, us per {@code Session.run} (median of 300 after 30 warm-up, per round): each of
 * the 8 matrix products as TensorFlow's MatMul gradient writes them (transpose_a / transpose_b), all 8 in one run,
 * the forward pass (3 MatMul + bias Add, 2 Relu, Softmax), softmax cross-entropy with logits + mean, the 6
 * {@code ApplyAdam}s, and an empty run (a NoOp) as the floor.
 */
public final class W2Profile {
  private static final int BATCH = 128;
  private static final int N = 60000;

  private W2Profile() {}

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "step";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (mode.equals("parts")) {
      parts(n);
    } else {
      step(n);
    }
  }

  // ---------------------------------------------------------------- the training step

  private static void step(int passes) {
    float[][] x2 = Data.features(N, 784, 2);
    float[] x = RawTensorFlow.flat(x2);
    float[][] y = Data.oneHot10(x2);
    long[] shape = {N, 784};
    try (RawTensorFlow r = RawTensorFlow.w2()) {
      r.fit(x, shape, y, 1, BATCH); // initializes the variables; warm-up
      int steps = (N + BATCH - 1) / BATCH;
      List<Double> stepUs = new ArrayList<>();
      List<Double> prepUs = new ArrayList<>();
      List<Double> runUs = new ArrayList<>();
      for (int p = 0; p < passes; p++) {
        long prep = 0;
        long run = 0;
        long t = System.nanoTime();
        for (int start = 0; start < N; start += BATCH) {
          int len = Math.min(BATCH, N - start);
          long t0 = System.nanoTime();
          try (TFloat32 xb = TFloat32.tensorOf(Shape.of(len, 784), DataBuffers.of(x, true, false).slice(
              (long) start * 784, (long) len * 784)); org.tensorflow.Tensor yb = RawTensorFlow.yBatch(y, start, len)) {
            long t1 = System.nanoTime();
            try (Result res = r.session.runner().feed(r.x, xb).feed(r.y, yb).addTarget(r.train).run()) {
              run += System.nanoTime() - t1;
            }
            prep += t1 - t0;
          }
        }
        stepUs.add((System.nanoTime() - t) / 1e3 / steps);
        prepUs.add(prep / 1e3 / steps);
        runUs.add(run / 1e3 / steps);
      }
      System.out.printf("raw W2 train, %d untimed + %d timed epochs of %d steps; us per step: wall %s, batch "
          + "preparation %s, Session.run %s; samples/s %s%n", 1, passes, steps, stat(stepUs), stat(prepUs),
          stat(runUs), stat(stepUs.stream().map(u -> N / (u * steps / 1e6)).toList()));
      System.out.printf("Session.run floor (same two feeds, NoOp target): us per run %s%n", emptyRun(r, x, y));
      traced(r, x, y, steps);
    }
  }

  private static String emptyRun(RawTensorFlow r, float[] x, float[][] y) {
    Op noop = r.tf.withName("W2ProfileNoOp").noOp();
    List<Double> us = new ArrayList<>();
    try (TFloat32 xb = TFloat32.tensorOf(Shape.of(BATCH, 784), DataBuffers.of(x, true, false).slice(0, BATCH * 784));
        org.tensorflow.Tensor yb = RawTensorFlow.yBatch(y, 0, BATCH)) {
      for (int i = 0; i < 2000; i++) {
        long t = System.nanoTime();
        try (Result res = r.session.runner().feed(r.x, xb).feed(r.y, yb).addTarget(noop).run()) {
          res.size();
        }
        if (i >= 500) {
          us.add((System.nanoTime() - t) / 1e3);
        }
      }
    }
    return stat(us);
  }

  private static void traced(RawTensorFlow r, float[] x, float[][] y, int steps) {
    RunOptions options = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
        .setOutputPartitionGraphs(true).build();
    Map<String, long[]> byNode = new LinkedHashMap<>();
    Map<String, long[]> byKernel = new TreeMap<>();
    TreeMap<String, Integer> opTypes = new TreeMap<>();
    long span = 0;
    long wall = 0;
    for (int start = 0; start < N; start += BATCH) {
      int len = Math.min(BATCH, N - start);
      try (TFloat32 xb = TFloat32.tensorOf(Shape.of(len, 784), DataBuffers.of(x, true, false).slice(
          (long) start * 784, (long) len * 784)); org.tensorflow.Tensor yb = RawTensorFlow.yBatch(y, start, len)) {
        long t = System.nanoTime();
        try (Result res = r.session.runner().feed(r.x, xb).feed(r.y, yb).addTarget(r.train).setOptions(options)
            .runAndFetchMetadata()) {
          wall += System.nanoTime() - t;
          var meta = res.getMetadata().orElseThrow();
          long first = Long.MAX_VALUE;
          long last = 0;
          for (DeviceStepStats d : meta.getStepStats().getDevStatsList()) {
            for (NodeExecStats node : d.getNodeStatsList()) {
              long us = node.getOpEndRelMicros() - node.getOpStartRelMicros();
              String k = RawProfile.kernel(node);
              long[] nt = byNode.computeIfAbsent(node.getNodeName() + " [" + k + "]", q -> new long[2]);
              nt[0] += us;
              nt[1]++;
              long[] kt = byKernel.computeIfAbsent(k, q -> new long[2]);
              kt[0] += us;
              kt[1]++;
              first = Math.min(first, node.getAllStartMicros());
              last = Math.max(last, node.getAllStartMicros() + node.getOpEndRelMicros());
            }
          }
          span += last - first;
          if (start == 0) {
            for (GraphDef g : meta.getPartitionGraphsList()) {
              for (NodeDef nd : g.getNodeList()) {
                opTypes.merge(nd.getOp(), 1, Integer::sum);
              }
            }
          }
        }
      }
    }
    long total = byKernel.values().stream().mapToLong(a -> a[0]).sum();
    System.out.printf("traced epoch (%d steps): op time %.0f us per step, op span (first start to last end) %.0f us "
        + "per step, Session.run wall %.0f us per step%npartition graph op types: %s%n", steps, (double) total / steps,
        (double) span / steps, wall / 1e3 / steps, opTypes);
    System.out.println("| kernel type | us per step | executions per step |\n|---|---|---|");
    byKernel.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e ->
        System.out.printf("| %s | %.1f | %.0f |%n", e.getKey(), (double) e.getValue()[0] / steps,
            (double) e.getValue()[1] / steps));
    System.out.println("| node [kernel] | us per step |\n|---|---|");
    byNode.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .filter(e -> e.getValue()[0] >= 2L * steps).forEach(e -> System.out.printf("| %s | %.1f |%n", e.getKey(),
            (double) e.getValue()[0] / steps));
  }

  // ---------------------------------------------------------------- the kernels alone

  /** One graph holding a part of the step on variables; {@code targets} run per Session.run. */
  private record Part(String name, double mflop, Graph graph, Session session, List<Op> targets) {}

  private static Variable<TFloat32> var(Ops tf, java.util.Random rnd, long... shape) {
    int n = (int) (shape[0] * (shape.length > 1 ? shape[1] : 1));
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rnd.nextGaussian() * 0.05);
    }
    return tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(v, true, false)));
  }

  /** A variable of positive values (Adam's second moment). */
  private static Variable<TFloat32> positive(Ops tf, java.util.Random rnd, long... shape) {
    int n = (int) (shape[0] * (shape.length > 1 ? shape[1] : 1));
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rnd.nextDouble() * 1e-4 + 1e-6);
    }
    return tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(v, true, false)));
  }

  private static Part part(String name, double mflop, Function<Ops, List<Op>> build) {
    Graph g = new Graph();
    List<Op> targets = build.apply(Ops.create(g));
    Session s = new Session(g);
    s.initialize();
    return new Part(name, mflop, g, s, targets);
  }

  /** A MatMul of variables of shapes {@code a}, {@code b} (as stored) with the given transposes. */
  private static Part matmul(String name, long[] a, long[] b, boolean ta, boolean tb) {
    long m = ta ? a[1] : a[0];
    long k = ta ? a[0] : a[1];
    long nn = tb ? b[0] : b[1];
    return part(String.format("%s %s%s x %s%s", name, Shape.of(a), ta ? "^T" : "", Shape.of(b), tb ? "^T" : ""),
        2.0 * m * k * nn / 1e6, tf -> {
          java.util.Random rnd = new java.util.Random(1);
          return List.of(tf.linalg.matMul(var(tf, rnd, a), var(tf, rnd, b), MatMul.transposeA(ta),
              MatMul.transposeB(tb)));
        });
  }

  private static void parts(int rounds) {
    long[] x = {128, 784};
    long[] w1 = {784, 512};
    long[] h1 = {128, 512};
    long[] w2 = {512, 256};
    long[] h2 = {128, 256};
    long[] w3 = {256, 10};
    long[] d3 = {128, 10};
    List<Part> parts = new ArrayList<>();
    parts.add(part("empty run (NoOp, the Session.run floor)", 0, tf -> List.of(tf.noOp())));
    parts.add(matmul("fwd x @ W1", x, w1, false, false));
    parts.add(matmul("fwd h1 @ W2", h1, w2, false, false));
    parts.add(matmul("fwd h2 @ W3", h2, w3, false, false));
    parts.add(matmul("bwd dX d3 @ W3^T", d3, w3, false, true));
    parts.add(matmul("bwd dX d2 @ W2^T", h2, w2, false, true));
    parts.add(matmul("bwd dW h2^T @ d3", h2, d3, true, false));
    parts.add(matmul("bwd dW h1^T @ d2", h1, h2, true, false));
    parts.add(matmul("bwd dW x^T @ d1", x, h1, true, false));
    double all8 = parts.stream().mapToDouble(Part::mflop).sum();
    parts.add(part("all 8 products in one run", all8, tf -> {
      java.util.Random rnd = new java.util.Random(1);
      List<Op> ops = new ArrayList<>();
      long[][][] ab = {{x, w1}, {h1, w2}, {h2, w3}, {d3, w3}, {h2, w2}, {h2, d3}, {h1, h2}, {x, h1}};
      boolean[][] t = {{false, false}, {false, false}, {false, false}, {false, true}, {false, true}, {true, false},
          {true, false}, {true, false}};
      for (int i = 0; i < 8; i++) {
        ops.add(tf.linalg.matMul(var(tf, rnd, ab[i][0]), var(tf, rnd, ab[i][1]), MatMul.transposeA(t[i][0]),
            MatMul.transposeB(t[i][1])));
      }
      return ops;
    }));
    parts.add(part("forward: 3 x (MatMul + Add bias) + 2 Relu + Softmax", 0, tf -> {
      java.util.Random rnd = new java.util.Random(1);
      Operand<TFloat32> h = tf.nn.relu(tf.math.add(tf.linalg.matMul(var(tf, rnd, x), var(tf, rnd, w1)),
          var(tf, rnd, 512)));
      h = tf.nn.relu(tf.math.add(tf.linalg.matMul(h, var(tf, rnd, w2)), var(tf, rnd, 256)));
      return List.of(tf.nn.softmax(tf.math.add(tf.linalg.matMul(h, var(tf, rnd, w3)), var(tf, rnd, 10))));
    }));
    parts.add(part("SoftmaxCrossEntropyWithLogits + Mean (128 x 10)", 0, tf -> {
      java.util.Random rnd = new java.util.Random(1);
      var xent = tf.nn.softmaxCrossEntropyWithLogits(var(tf, rnd, d3), var(tf, rnd, d3));
      return List.of(tf.math.mean(xent.loss(), tf.constant(0)), xent.backprop());
    }));
    parts.add(part("6 x ApplyAdam (W1, b1, W2, b2, W3, b3)", 0, tf -> {
      java.util.Random rnd = new java.util.Random(1);
      List<Op> ops = new ArrayList<>();
      for (long[] s : new long[][] {w1, {512}, w2, {256}, w3, {10}}) {
        ops.add(tf.train.applyAdam(var(tf, rnd, s), var(tf, rnd, s), positive(tf, rnd, s),
            tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-3f), tf.constant(0.9f), tf.constant(0.999f),
            tf.constant(1e-7f), var(tf, rnd, s)));
      }
      return ops;
    }));
    Map<String, List<Double>> med = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Part p : parts) {
        med.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(timeRuns(p));
      }
    }
    System.out.printf("kernels alone, untraced, %d rounds (each: median of 300 Session.runs after 30)%n", rounds);
    System.out.println("| part (TF Java session, batch 128) | MFLOP | us per run, median of rounds (min-max) |\n"
        + "|---|---|---|");
    for (Part p : parts) {
      System.out.printf("| %s | %.1f | %s |%n", p.name(), p.mflop(), stat(med.get(p.name())));
      p.session().close();
      p.graph().close();
    }
  }

  private static double timeRuns(Part p) {
    List<Double> us = new ArrayList<>();
    for (int i = 0; i < 330; i++) {
      var runner = p.session().runner();
      p.targets().forEach(runner::addTarget);
      long t = System.nanoTime();
      try (Result res = runner.run()) {
        res.size();
      }
      if (i >= 30) {
        us.add((System.nanoTime() - t) / 1e3);
      }
    }
    return median(us);
  }

  // ---------------------------------------------------------------- statistics

  private static double median(List<Double> v) {
    return Report.Stat.of(v).median();
  }

  private static String stat(List<Double> v) {
    Report.Stat s = Report.Stat.of(v);
    return String.format("%.0f (%.0f-%.0f)", s.median(), s.min(), s.max());
  }
}
