package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * The base of {@link TFOps}: the operand conversions its op classes share and the elementwise ops (arithmetic,
 * activations, softmax and its cross-entropy), stateless TensorFlow ops with NumPy broadcasting; comparisons and
 * reductions follow in {@link TFReductionOps}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
abstract class TFMathOps implements io.keras4j.backend.Ops {
  /** TensorFlow Java's ops, with the current control dependencies. */
  Ops tf;

  TFMathOps(Ops tf) {
    this.tf = tf;
  }

  static Operand o(Tensor t) {
    if (!(t instanceof TFTensor tt)) {
      throw new IllegalArgumentException("Expected a backend tensor of this graph. Received: " + t);
    }
    TFBodyOps body = TFBodyOps.current();
    if (body != null) {
      return body.capture(tt.operand());
    }
    TFLoopOps loop = TFLoopOps.current();
    return loop == null ? tt.operand() : loop.capture(tt.operand());
  }

  /** Runs {@code body} with {@code ops} current and set in {@code current} (a capturing trace), then restores both. */
  static <O extends TFMathOps, T> T traceWith(ThreadLocal<O> current, O ops, java.util.function.Supplier<T> body) {
    O saved = current.get();
    current.set(ops);
    try {
      return io.keras4j.backend.Backend.withOps(ops, body);
    } finally {
      if (saved == null) {
        current.remove();
      } else {
        current.set(saved);
      }
    }
  }

  static Tensor t(Operand<?> o) {
    return new TFTensor(o);
  }

  Operand scalarLike(Tensor x, float v) {
    Operand c = tf.constant(v);
    return "float32".equals(x.dtype()) ? c : tf.dtypes.cast(c, o(x).type());
  }

  Operand axes(Tensor x, int[] axes) {
    if (axes == null) {
      int r = x.rank();
      int[] all = new int[r];
      for (int i = 0; i < r; i++) {
        all[i] = i;
      }
      return tf.constant(all);
    }
    int[] a = axes.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] = norm(x, a[i]);
    }
    return tf.constant(a);
  }

  static int norm(Tensor x, int axis) {
    return axis < 0 ? axis + x.rank() : axis;
  }

  // ---- elementwise ----
  /**
   * {@code a + b}; a bias ({@code b} of rank 1 as long as {@code a}'s last axis, same dtype) is added with
   * {@code BiasAdd}, as Keras' TensorFlow backend does ({@code keras.src.backend.tensorflow.numpy.add}), so that
   * Grappler fuses it with the convolution or matmul before it and its gradient is one {@code BiasAddGrad}.
   */
  @Override
  public Tensor add(Tensor a, Tensor b) {
    if (isBias(a, b)) {
      return t(tf.nn.biasAdd(o(a), o(b)));
    }
    return t(tf.math.add(o(a), o(b)));
  }

  private static boolean isBias(Tensor a, Tensor b) {
    Shape sa = a.shape();
    Shape sb = b.shape();
    if (sb.rank() != 1 || sa.rank() < 2 || !a.dtype().equals(b.dtype())) {
      return false;
    }
    long channels = sa.get(sa.rank() - 1);
    return channels > 1 && channels == sb.get(0);
  }

  @Override
  public Tensor subtract(Tensor a, Tensor b) {
    return t(tf.math.sub(o(a), o(b)));
  }

  @Override
  public Tensor multiply(Tensor a, Tensor b) {
    return t(tf.math.mul(o(a), o(b)));
  }

  @Override
  public Tensor divide(Tensor a, Tensor b) {
    return t(tf.math.div(o(a), o(b)));
  }

  @Override
  public Tensor divideNoNan(Tensor a, Tensor b) {
    return t(tf.math.divNoNan(o(a), o(b)));
  }

  @Override
  public Tensor add(Tensor a, float b) {
    return t(tf.math.add(o(a), scalarLike(a, b)));
  }

  @Override
  public Tensor multiply(Tensor a, float b) {
    return t(tf.math.mul(o(a), scalarLike(a, b)));
  }

  @Override
  public Tensor negative(Tensor x) {
    return t(tf.math.neg(o(x)));
  }

  @Override
  public Tensor abs(Tensor x) {
    return t(tf.math.abs(o(x)));
  }

  @Override
  public Tensor sign(Tensor x) {
    return t(tf.math.sign(o(x)));
  }

  @Override
  public Tensor square(Tensor x) {
    return t(tf.math.square(o(x)));
  }

  @Override
  public Tensor sqrt(Tensor x) {
    return t(tf.math.sqrt(o(x)));
  }

  @Override
  public Tensor rsqrt(Tensor x) {
    return t(tf.math.rsqrt(o(x)));
  }

  @Override
  public Tensor exp(Tensor x) {
    return t(tf.math.exp(o(x)));
  }

  @Override
  public Tensor expm1(Tensor x) {
    return t(tf.math.expm1(o(x)));
  }

  @Override
  public Tensor log(Tensor x) {
    return t(tf.math.log(o(x)));
  }

  @Override
  public Tensor log1p(Tensor x) {
    return t(tf.math.log1p(o(x)));
  }

  @Override
  public Tensor pow(Tensor x, Tensor y) {
    return t(tf.math.pow(o(x), o(y)));
  }

  @Override
  public Tensor pow(Tensor x, float y) {
    return t(tf.math.pow(o(x), scalarLike(x, y)));
  }

  @Override
  public Tensor maximum(Tensor a, Tensor b) {
    return t(tf.math.maximum(o(a), o(b)));
  }

  @Override
  public Tensor minimum(Tensor a, Tensor b) {
    return t(tf.math.minimum(o(a), o(b)));
  }

  @Override
  public Tensor maximum(Tensor a, float b) {
    return t(tf.math.maximum(o(a), scalarLike(a, b)));
  }

  @Override
  public Tensor minimum(Tensor a, float b) {
    return t(tf.math.minimum(o(a), scalarLike(a, b)));
  }

  @Override
  public Tensor clip(Tensor x, float min, float max) {
    return t(tf.clipByValue(o(x), scalarLike(x, min), scalarLike(x, max)));
  }

  @Override
  public Tensor floor(Tensor x) {
    return t(tf.math.floor(o(x)));
  }

  @Override
  public Tensor round(Tensor x) {
    return t(tf.math.round(o(x)));
  }

  @Override
  public Tensor cos(Tensor x) {
    return t(tf.math.cos(o(x)));
  }

  @Override
  public Tensor sin(Tensor x) {
    return t(tf.math.sin(o(x)));
  }

  @Override
  public Tensor cosh(Tensor x) {
    return t(tf.math.cosh(o(x)));
  }

  @Override
  public Tensor erf(Tensor x) {
    return t(tf.math.erf(o(x)));
  }

  @Override
  public Tensor tanh(Tensor x) {
    return t(tf.math.tanh(o(x)));
  }

  @Override
  public Tensor sigmoid(Tensor x) {
    return t(tf.math.sigmoid(o(x)));
  }

  @Override
  public Tensor relu(Tensor x) {
    return t(tf.nn.relu(o(x)));
  }

  @Override
  public Tensor relu6(Tensor x) {
    return t(tf.nn.relu6(o(x)));
  }

  @Override
  public Tensor elu(Tensor x) {
    return t(tf.nn.elu(o(x)));
  }

  @Override
  public Tensor selu(Tensor x) {
    return t(tf.nn.selu(o(x)));
  }

  @Override
  public Tensor softplus(Tensor x) {
    return t(tf.math.softplus(o(x)));
  }

  @Override
  public Tensor softsign(Tensor x) {
    return t(tf.nn.softsign(o(x)));
  }

  @Override
  public Tensor leakyRelu(Tensor x, float negativeSlope) {
    return t(tf.nn.leakyRelu(o(x), org.tensorflow.op.nn.LeakyRelu.alpha(negativeSlope)));
  }

  @Override
  public Tensor softmax(Tensor x, int axis) {
    return lastAxis(x, axis, y -> t(tf.nn.softmax(o(y))));
  }

  /**
   * Porting note: TensorFlow's C++ gradient of LogSoftmax (the one graph gradients use) sums over axis 1, right for
   * rank 2 only; a higher rank goes through a (-1, n) view, so that per-step losses of sequences train as in Keras.
   */
  @Override
  public Tensor logSoftmax(Tensor x, int axis) {
    return lastAxis(x, axis, y -> {
      if (y.rank() <= 2) {
        return t(tf.nn.logSoftmax(o(y)));
      }
      return reshape(t(tf.nn.logSoftmax(o(rows(y)))), shapeOf(y));
    });
  }

  @Override
  public Tensor logitsOf(Tensor x, String opType) {
    if (!(x instanceof TFTensor tt) || !(tt.operand().op() instanceof org.tensorflow.GraphOperation op)) {
      return null;
    }
    return op.type().equals(opType) && op.numInputs() == 1 ? t(op.input(0)) : null;
  }

  /** TensorFlow's {@code SoftmaxCrossEntropyWithLogits}; ranks above 2 through a (-1, n) view. */
  @Override
  public Tensor softmaxCrossEntropyWithLogits(Tensor labels, Tensor logits) {
    if (logits.rank() == 2 && labels.rank() == 2 && labels.dtype().equals(logits.dtype())) {
      return t(tf.nn.softmaxCrossEntropyWithLogits(o(logits), o(labels)).loss());
    }
    if (logits.rank() < 2 || !labels.dtype().equals(logits.dtype())) {
      return io.keras4j.backend.Ops.super.softmaxCrossEntropyWithLogits(labels, logits);
    }
    Tensor loss = softmaxCrossEntropyWithLogits(rows(labels), rows(logits));
    return reshape(loss, slice(shapeOf(logits), constant(new int[] {0}, Shape.of(1)),
        constant(new int[] {logits.rank() - 1}, Shape.of(1))));
  }

  /** {@code x} as a (-1, n) matrix of its last axis' rows, for kernels that take rank 2 only. */
  private Tensor rows(Tensor x) {
    return reshape(x, stack(List.of(constant(new int[] {-1}, Shape.scalar()), dimension(x, -1)), 0));
  }

  /** Applies a last-axis op along {@code axis} by moving that axis last and back. */
  private Tensor lastAxis(Tensor x, int axis, java.util.function.UnaryOperator<Tensor> f) {
    int a = norm(x, axis);
    int r = x.rank();
    if (a == r - 1) {
      return f.apply(x);
    }
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    perm[a] = r - 1;
    perm[r - 1] = a;
    return transpose(f.apply(transpose(x, perm)), perm);
  }
}
