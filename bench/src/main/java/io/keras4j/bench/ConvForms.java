package io.keras4j.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropFilter;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Times W3's two convolutions (batch 64; 1 to 32 channels at 28x28, 32 to 64 at 14x14; 3x3, stride 1, "SAME") on
 * TensorFlow Java's kernels in the forms a backend could emit for the same sums: keras4j's NHWC {@code Conv2D} and
 * its gradients, the same ops in NCHW with transposes from and to NHWC around them, and for one input channel
 * {@code DepthwiseConv2dNative} (a depthwise convolution of one channel with multiplier 32 is that convolution) and a
 * {@code MatMul} of the image's 3x3 patches ({@code ExtractImagePatches}) with the kernel as a 9x32 matrix. The
 * question it answers: does any of them reach a faster kernel than the brgemm ones oneDNN 3.3.4 picks for NHWC
 * (docs/perf/cnngap.md)? Each case is summed to one scalar, which is fetched; interleaved rounds, median us per run,
 * each form's ratio to the NHWC form of the same op, and how far its sum lies from that form's.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.ConvForms [runs per round, default 100] [rounds, default 7]}.
 */
public final class ConvForms {
  private static final int BATCH = 64;
  private static final int[] TO_NCHW = {0, 3, 1, 2};
  private static final int[] TO_NHWC = {0, 2, 3, 1};
  private static final List<Long> ONES = List.of(1L, 1L, 1L, 1L);

  private ConvForms() {}

  /** One way to compute an op: NHWC input x, kernel k (HWIO) and output gradient dy in, the op's result out. */
  private interface Form {
    Operand<TFloat32> build(Ops tf, Operand<TFloat32> x, Operand<TFloat32> k, Operand<TFloat32> dy);
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    time(1, 32, 28, runs, rounds);
    time(32, 64, 14, runs, rounds);
  }

  /** The forms of each op for one convolution shape; the first of each op is keras4j's NHWC form. */
  private static Map<String, Form> forms(int cin, int cout, int hw) {
    Map<String, Form> f = new LinkedHashMap<>();
    forward(f, cin, cout, hw);
    if (cin > 1) { // the first layer's input gradient is never built
      f.put("input gradient NHWC", (tf, x, k, dy) -> tf.nn.conv2dBackpropInput(tf.constant(new int[] {BATCH, hw, hw,
          cin}), k, dy, ONES, "SAME"));
      f.put("input gradient NCHW", (tf, x, k, dy) -> nhwc(tf, tf.nn.conv2dBackpropInput(tf.constant(new int[] {BATCH,
          cin, hw, hw}), k, nchw(tf, dy), ONES, "SAME", Conv2dBackpropInput.dataFormat("NCHW"))));
    }
    filterGradient(f, cin, cout);
    return f;
  }

  private static void forward(Map<String, Form> f, int cin, int cout, int hw) {
    f.put("forward NHWC", (tf, x, k, dy) -> tf.nn.conv2d(x, k, ONES, "SAME"));
    f.put("forward NCHW", (tf, x, k, dy) -> nhwc(tf, tf.nn.conv2d(nchw(tf, x), k, ONES, "SAME",
        Conv2d.dataFormat("NCHW"))));
    if (cin > 1) {
      return;
    }
    f.put("forward depthwise", (tf, x, k, dy) -> tf.nn.depthwiseConv2dNative(x, k, ONES, "SAME"));
    Form im2col = (tf, x, k, dy) -> tf.reshape(tf.linalg.matMul(patches(tf, x), tf.reshape(k,
        tf.constant(new int[] {9, cout}))), tf.constant(new int[] {BATCH, hw, hw, cout}));
    f.put("forward patches", im2col);
    // as a Conv2D layer's graph has them: Grappler fuses bias and relu into the NHWC convolution, not past a Reshape
    f.put("forward+bias+relu NHWC", (tf, x, k, dy) -> biasRelu(tf, tf.nn.conv2d(x, k, ONES, "SAME"), cout));
    f.put("forward+bias+relu patches", (tf, x, k, dy) -> biasRelu(tf, im2col.build(tf, x, k, dy), cout));
  }

  private static void filterGradient(Map<String, Form> f, int cin, int cout) {
    f.put("filter gradient NHWC", (tf, x, k, dy) -> tf.nn.conv2dBackpropFilter(x, filterSizes(tf, cin, cout), dy,
        ONES, "SAME"));
    f.put("filter gradient NCHW", (tf, x, k, dy) -> tf.nn.conv2dBackpropFilter(nchw(tf, x), filterSizes(tf, cin,
        cout), nchw(tf, dy), ONES, "SAME", Conv2dBackpropFilter.dataFormat("NCHW")));
    if (cin > 1) {
      return;
    }
    f.put("filter gradient depthwise", (tf, x, k, dy) -> tf.nn.depthwiseConv2dNativeBackpropFilter(x,
        filterSizes(tf, cin, cout), dy, ONES, "SAME"));
    f.put("filter gradient patches", (tf, x, k, dy) -> tf.reshape(tf.linalg.matMul(patches(tf, x),
        tf.reshape(dy, tf.constant(new int[] {-1, cout})), MatMul.transposeA(true)), tf.constant(new int[] {3, 3, 1,
        cout})));
  }

  private static void time(int cin, int cout, int hw, int runs, int rounds) {
    Map<String, Form> forms = forms(cin, cout, hw);
    Map<String, double[]> us = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = uniform(tf, BATCH, hw, hw, cin);
      Operand<TFloat32> k = uniform(tf, 3, 3, cin, cout);
      Operand<TFloat32> dy = uniform(tf, BATCH, hw, hw, cout);
      Map<String, Operand<TFloat32>> sums = new LinkedHashMap<>();
      forms.forEach((name, form) -> sums.put(name, tf.sum(form.build(tf, x, k, dy), tf.constant(new int[] {0, 1, 2,
          3}))));
      s.initialize();
      sums.forEach((name, o) -> values.put(name, value(s, o)));
      sums.values().forEach(o -> run(s, o, 5));
      sums.keySet().forEach(name -> us.put(name, new double[rounds]));
      for (int r = 0; r < rounds; r++) {
        for (Map.Entry<String, Operand<TFloat32>> e : sums.entrySet()) {
          long t = System.nanoTime();
          run(s, e.getValue(), runs);
          us.get(e.getKey())[r] = (System.nanoTime() - t) / 1e3 / runs;
        }
      }
    }
    print(cin, cout, hw, us, values);
  }

  /**
   * Each form's median, spread and ratio to the NHWC form of its op, and its summed result against that form's (the
   * same sums in another order: a relative difference of float32 rounding, about 1e-6).
   */
  private static void print(int cin, int cout, int hw, Map<String, double[]> us, Map<String, Double> values) {
    System.out.printf("conv %d->%d, %dx%d, batch %d (us per run, median of rounds (min-max); / the NHWC form; "
        + "relative difference of the summed result from the NHWC form's)%n", cin, cout, hw, hw, BATCH);
    double nhwc = 0;
    double nhwcValue = 0;
    for (Map.Entry<String, double[]> e : us.entrySet()) {
      double[] v = e.getValue().clone();
      Arrays.sort(v);
      double median = v[v.length / 2];
      if (e.getKey().endsWith("NHWC")) {
        nhwc = median;
        nhwcValue = values.get(e.getKey());
      }
      System.out.printf("  %-26s %8.0f (%.0f-%.0f)  %.2f  %.1e%n", e.getKey(), median, v[0], v[v.length - 1],
          median / nhwc, Math.abs(values.get(e.getKey()) / nhwcValue - 1));
    }
  }

  private static double value(Session s, Operand<TFloat32> o) {
    try (TFloat32 t = (TFloat32) s.runner().fetch(o).run().get(0)) {
      return t.getFloat();
    }
  }

  private static void run(Session s, Operand<TFloat32> o, int times) {
    for (int i = 0; i < times; i++) {
      s.runner().fetch(o).run().close();
    }
  }

  /** A variable of uniform values, so that each run times the convolution, not the random draw. */
  private static Operand<TFloat32> uniform(Ops tf, long... dims) {
    return tf.variable(tf.random.randomUniform(tf.constant(Shape.of(dims)), TFloat32.class));
  }

  private static Operand<TFloat32> biasRelu(Ops tf, Operand<TFloat32> y, int channels) {
    Operand<TFloat32> bias = tf.variable(tf.fill(tf.constant(new int[] {channels}), tf.constant(0.1f)));
    return tf.nn.relu(tf.nn.biasAdd(y, bias));
  }

  /** The 3x3 neighbourhoods of a one-channel NHWC image ("SAME" padding), one row of 9 values per pixel. */
  private static Operand<TFloat32> patches(Ops tf, Operand<TFloat32> x) {
    List<Long> three = List.of(1L, 3L, 3L, 1L);
    return tf.reshape(tf.image.extractImagePatches(x, three, ONES, ONES, "SAME"), tf.constant(new int[] {-1, 9}));
  }

  private static Operand<TFloat32> nchw(Ops tf, Operand<TFloat32> t) {
    return tf.linalg.transpose(t, tf.constant(TO_NCHW));
  }

  private static Operand<TFloat32> nhwc(Ops tf, Operand<TFloat32> t) {
    return tf.linalg.transpose(t, tf.constant(TO_NHWC));
  }

  private static Operand<TInt32> filterSizes(Ops tf, int cin, int cout) {
    return tf.constant(new int[] {3, 3, cin, cout});
  }
}
