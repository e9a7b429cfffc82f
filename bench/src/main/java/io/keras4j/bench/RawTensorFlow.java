package io.keras4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The workloads written by hand with TensorFlow Java ops and a plain Session loop: the floor of keras4j's own
 * overhead. Batches are copied into tensors per step, as a plain loop does; tensorflow-framework's optimizers.
 */
final class RawTensorFlow implements AutoCloseable {
  final Graph graph = new Graph();
  final Ops tf = Ops.create(graph);
  final Session session = new Session(graph);
  Placeholder<TFloat32> x;
  Placeholder<?> y;
  Operand<TFloat32> out;
  Op train;
  private final java.util.Random random = new java.util.Random(7);

  private Variable<TFloat32> weight(long... shape) {
    long fanIn = shape.length == 2 ? shape[0] : shape[0] * shape[1] * shape[2];
    long fanOut = shape[shape.length - 1] * (shape.length == 2 ? 1 : shape[0] * shape[1]);
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((2 * random.nextDouble() - 1) * limit);
    }
    return tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(v, true, false)));
  }

  private Operand<TFloat32> dense(Operand<TFloat32> in, long nIn, long nOut) {
    return tf.math.add(tf.linalg.matMul(in, weight(nIn, nOut)), tf.variable(tf.zeros(tf.constant(new long[] {nOut}),
        TFloat32.class)));
  }

  /**
   * {@code in} plus a zero-initialised bias of {@code n} as {@code BiasAdd}, the form Python TensorFlow emits and
   * Grappler's remapper fuses into the convolution or matmul before it (with a following {@code Relu}).
   */
  private Operand<TFloat32> biasAdd(Operand<TFloat32> in, long n) {
    return tf.nn.biasAdd(in, tf.variable(tf.zeros(tf.constant(new long[] {n}), TFloat32.class)));
  }

  /**
   * 2x2 max pooling with stride 2 as {@code MaxPool} (window and strides as attributes), which oneDNN's layout pass
   * rewrites to {@code _MklNativeMaxPool}; TensorFlow Java's {@code tf.nn.maxPool} is {@code MaxPoolV2}, left to Eigen.
   */
  private Operand<TFloat32> maxPool2x2(Operand<TFloat32> in) {
    return tf.scope().opBuilder("MaxPool", tf.scope().makeOpName("MaxPool")).addInput(in.asOutput())
        .setAttr("ksize", new long[] {1, 2, 2, 1}).setAttr("strides", new long[] {1, 2, 2, 1})
        .setAttr("padding", "VALID").setAttr("data_format", "NHWC").build().output(0);
  }

  static RawTensorFlow w1() {
    RawTensorFlow r = new RawTensorFlow();
    Ops tf = r.tf;
    r.x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
    Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
    r.y = y;
    Operand<TFloat32> h = tf.nn.relu(r.dense(r.x, 5, 16));
    h = tf.nn.relu(r.dense(h, 16, 16));
    Operand<TFloat32> logits = r.dense(h, 16, 1);
    r.out = tf.math.sigmoid(logits);
    Operand<TFloat32> bce = tf.math.add(tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, y)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
    Operand<TFloat32> loss = tf.math.mean(bce, tf.constant(new int[] {0, 1}));
    r.train = new Momentum(r.graph, 0.01f, 0.9f, false).minimize(loss);
    return r;
  }

  static RawTensorFlow w2() {
    RawTensorFlow r = new RawTensorFlow();
    Ops tf = r.tf;
    r.x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 784)));
    Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 10)));
    r.y = y;
    Operand<TFloat32> h = tf.nn.relu(r.dense(r.x, 784, 512));
    h = tf.nn.relu(r.dense(h, 512, 256));
    Operand<TFloat32> logits = r.dense(h, 256, 10);
    r.out = tf.nn.softmax(logits);
    Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
    r.train = new Adam(r.graph, 1e-3f).minimize(loss);
    return r;
  }

  static RawTensorFlow w3() {
    RawTensorFlow r = new RawTensorFlow();
    Ops tf = r.tf;
    r.x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
    Placeholder<TInt32> y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    r.y = y;
    List<Long> ones = List.of(1L, 1L, 1L, 1L);
    Operand<TFloat32> c1 = tf.nn.relu(r.biasAdd(tf.nn.conv2d(r.x, r.weight(3, 3, 1, 32), ones, "SAME"), 32));
    Operand<TFloat32> c2 = tf.nn.relu(r.biasAdd(tf.nn.conv2d(r.maxPool2x2(c1), r.weight(3, 3, 32, 64), ones, "SAME"),
        64));
    Operand<TFloat32> flat = tf.reshape(r.maxPool2x2(c2), tf.constant(new long[] {-1, 3136}));
    Operand<TFloat32> h = tf.nn.relu(r.biasAdd(tf.linalg.matMul(flat, r.weight(3136, 128)), 128));
    Operand<TFloat32> logits = r.biasAdd(tf.linalg.matMul(h, r.weight(128, 10)), 10);
    r.out = tf.nn.softmax(logits);
    Operand<TFloat32> onehot = tf.oneHot(y, tf.constant(10), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, onehot).loss(), tf.constant(0));
    r.train = new Adam(r.graph, 1e-3f).minimize(loss);
    return r;
  }

  /** One epoch over (x, y) in batches; returns samples per second. */
  double fit(float[] x, long[] xShape, Object y, int epochs, int batch) {
    session.initialize();
    int n = (int) xShape[0];
    int row = x.length / n;
    long t = System.nanoTime();
    for (int e = 0; e < epochs; e++) {
      for (int start = 0; start < n; start += batch) {
        int len = Math.min(batch, n - start);
        long[] bs = xShape.clone();
        bs[0] = len;
        try (TFloat32 xb = TFloat32.tensorOf(Shape.of(bs), DataBuffers.of(x, true, false).slice((long) start * row, (long) len * row));
            org.tensorflow.Tensor yb = yBatch(y, start, len)) {
          session.runner().feed(this.x, xb).feed(this.y, yb).addTarget(train).run();
        }
      }
    }
    return (double) epochs * n / ((System.nanoTime() - t) / 1e9);
  }

  static org.tensorflow.Tensor yBatch(Object y, int start, int len) {
    if (y instanceof float[][] f) {
      int w = f[0].length;
      float[] flat = new float[len * w];
      for (int i = 0; i < len; i++) {
        System.arraycopy(f[start + i], 0, flat, i * w, w);
      }
      return TFloat32.tensorOf(Shape.of(len, w), DataBuffers.of(flat, true, false));
    }
    int[] l = (int[]) y;
    return TInt32.tensorOf(Shape.of(len), DataBuffers.of(java.util.Arrays.copyOfRange(l, start, start + len), true,
        false));
  }

  /** Inference over x in batches; returns samples per second. */
  double predict(float[] x, long[] xShape, int batch) {
    session.initialize();
    int n = (int) xShape[0];
    int row = x.length / n;
    long t = System.nanoTime();
    for (int start = 0; start < n; start += batch) {
      int len = Math.min(batch, n - start);
      long[] bs = xShape.clone();
      bs[0] = len;
      try (TFloat32 xb = TFloat32.tensorOf(Shape.of(bs), DataBuffers.of(x, true, false).slice((long) start * row, (long) len * row));
          var r = session.runner().feed(this.x, xb).fetch(out).run()) {
        r.get(0);
      }
    }
    return n / ((System.nanoTime() - t) / 1e9);
  }

  /** MatMul n x n GFLOP/s: the machine's limit for W2. */
  static double matmulGflops(int n, int reps) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      float[] v = new float[n * n];
      java.util.Arrays.fill(v, 0.5f);
      // fed, not constant: Grappler would fold a product of constants away
      Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
      Placeholder<TFloat32> b = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
      Operand<TFloat32> c = tf.sum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      try (TFloat32 av = TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(v, true, false));
          TFloat32 bv = TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(v, true, false))) {
        try (var r = s.runner().feed(a, av).feed(b, bv).fetch(c).run()) {
          r.get(0);
        }
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          try (var r = s.runner().feed(a, av).feed(b, bv).fetch(c).run()) {
            r.get(0);
          }
        }
        return 2.0 * n * n * n * reps / ((System.nanoTime() - t) / 1e9) / 1e9;
      }
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  static float[] flat(float[][] x) {
    float[] out = new float[x.length * x[0].length];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
    }
    return out;
  }

  static List<Double> unused() {
    return new ArrayList<>();
  }
}
