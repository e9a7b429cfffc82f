package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The ops of {@link io.keras4j.backend.Ops} that need no trace state, in a TensorFlow graph: matrix products, shapes,
 * joins and splits, indexing, padding, one-hot, casts, the sigmoid and tanh gradients, and random numbers, one
 * TensorFlow op (or a few) each, as Keras' TensorFlow backend ({@code keras/src/backend/tensorflow/numpy.py},
 * {@code random.py}) emits them. {@link TFOps} adds the variables, updates and control dependencies of the function
 * being traced.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
abstract class TFArrayOps extends TFPreprocessingOps {
  TFArrayOps(Ops tf) {
    super(tf);
  }

  // ---- linear algebra ----
  @Override
  public Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() == 2 && b.rank() == 2) {
      return t(tf.linalg.matMul(o(a), o(b)));
    }
    return t(tf.train.batchMatMul(o(a), o(b), o(a).type()));
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException("matmul with transposes: expected two rank-2 tensors, received ranks "
          + a.rank() + " and " + b.rank());
    }
    return t(tf.linalg.matMul(o(a), o(b), MatMul.transposeA(transposeA), MatMul.transposeB(transposeB)));
  }

  @Override
  public Tensor einsum(String equation, Tensor a, Tensor b) {
    return t(tf.linalg.einsum(List.of(o(a), o(b)), equation));
  }

  @Override
  public Tensor dot(Tensor x, Tensor w) {
    if (x.rank() == 2) {
      return t(tf.linalg.matMul(o(x), o(w)));
    }
    long n = w.shape().get(0);
    long m = w.shape().get(1);
    Operand flat = tf.reshape(o(x), tf.constant(new long[] {-1, n}));
    Operand y = tf.linalg.matMul(flat, o(w));
    Shape target = x.shape().with(-1, m);
    if (target.with(0, 1).isFullyDefined()) {
      return t(tf.reshape(y, tf.constant(target.with(0, -1).dims())));
    }
    if (java.util.Arrays.stream(target.dims()).filter(d -> d < 0).count() == 1) { // (time, batch, m) of an RNN
      return t(tf.reshape(y, tf.constant(target.dims())));
    }
    Operand lead = tf.slice(tf.shape(o(x), TInt64.class), tf.constant(new long[] {0}),
        tf.constant(new long[] {x.rank() - 1}));
    return t(tf.reshape(y, tf.concat(List.of(lead, tf.constant(new long[] {m})), tf.constant(0))));
  }

  // ---- shapes ----
  @Override
  public Tensor reshape(Tensor x, long... shape) {
    return t(tf.reshape(o(x), tf.constant(shape.length == 0 ? new long[0] : shape)));
  }

  @Override
  public Tensor reshape(Tensor x, Tensor shape) {
    return t(tf.reshape(o(x), o(shape)));
  }

  @Override
  public Tensor shapeOf(Tensor x) {
    return t(tf.shape(o(x)));
  }

  @Override
  public Tensor dimension(Tensor x, int axis) {
    return t(tf.gather(tf.shape(o(x)), tf.constant(norm(x, axis)), tf.constant(0)));
  }

  @Override
  public Tensor transpose(Tensor x, int... perm) {
    return t(tf.linalg.transpose(o(x), tf.constant(perm)));
  }

  @Override
  public Tensor concatenate(List<Tensor> xs, int axis) {
    List<Operand> list = new ArrayList<>();
    for (Tensor x : xs) {
      list.add(o(x));
    }
    return t(tf.concat((Iterable) list, tf.constant(norm(xs.get(0), axis))));
  }

  @Override
  public Tensor stack(List<Tensor> xs, int axis) {
    List<Operand> list = new ArrayList<>();
    for (Tensor x : xs) {
      list.add(o(x));
    }
    int a = axis < 0 ? axis + xs.get(0).rank() + 1 : axis;
    return t(tf.stack((Iterable) list, org.tensorflow.op.core.Stack.axis((long) a)));
  }

  @Override
  public Tensor expandDims(Tensor x, int axis) {
    int a = axis < 0 ? axis + x.rank() + 1 : axis;
    return t(tf.expandDims(o(x), tf.constant(a)));
  }

  @Override
  public Tensor squeeze(Tensor x, int axis) {
    return t(tf.squeeze(o(x), org.tensorflow.op.core.Squeeze.axis(List.of((long) norm(x, axis)))));
  }

  @Override
  public Tensor tile(Tensor x, int... multiples) {
    return t(tf.tile(o(x), tf.constant(multiples)));
  }

  @Override
  public Tensor tile(Tensor x, Tensor multiples) {
    return t(tf.tile(o(x), o(multiples)));
  }

  @Override
  public Tensor broadcastTo(Tensor x, Tensor shape) {
    return t(tf.broadcastTo(o(x), o(shape)));
  }

  @Override
  public Tensor take(Tensor x, Tensor indices, int axis) {
    return t(tf.gather(o(x), o(indices), tf.constant(norm(x, axis))));
  }

  @Override
  public Tensor slice(Tensor x, int[] begin, int[] size) {
    return t(tf.slice(o(x), tf.constant(begin), tf.constant(size)));
  }

  @Override
  public Tensor slice(Tensor x, Tensor begin, Tensor size) {
    return t(tf.slice(o(x), o(begin), o(size)));
  }

  /** TensorFlow's {@code SigmoidGrad}: one op. */
  @Override
  public Tensor sigmoidGrad(Tensor y, Tensor dy) {
    return t(tf.math.sigmoidGrad(o(y), o(dy)));
  }

  /** TensorFlow's {@code TanhGrad}: one op. */
  @Override
  public Tensor tanhGrad(Tensor y, Tensor dy) {
    return t(tf.math.tanhGrad(o(y), o(dy)));
  }

  /** One TensorFlow {@code Split} op (Keras' TensorFlow backend: {@code tf.split}). */
  @Override
  public List<Tensor> split(Tensor x, int sections, int axis) {
    int a = axis < 0 ? axis + x.rank() : axis;
    long n = x.shape().get(a);
    if (sections <= 0 || n < 0 || n % sections != 0) {
      throw new IllegalArgumentException("split needs a known axis size that is a multiple of the number of "
          + "sections. Received: shape " + x.shape() + ", sections=" + sections + ", axis=" + axis);
    }
    List<Tensor> out = new ArrayList<>();
    org.tensorflow.op.core.Split<?> parts = tf.split(tf.constant(a), o(x), (long) sections);
    for (Output<?> part : parts.output()) {
      out.add(t(part));
    }
    return out;
  }

  @Override
  public Tensor pad(Tensor x, int[][] paddings, float value) {
    return t(tf.pad(o(x), tf.constant(paddings), scalarLike(x, value)));
  }

  @Override
  public Tensor oneHot(Tensor indices, int depth) {
    Operand idx = "int32".equals(indices.dtype()) || "int64".equals(indices.dtype())
        ? o(indices) : tf.dtypes.cast(o(indices), TInt32.class);
    return t(tf.oneHot(idx, tf.constant(depth), tf.constant(1f), tf.constant(0f)));
  }

  @Override
  public Tensor cast(Tensor x, String dtype) {
    if (dtype.equals(x.dtype())) {
      return x;
    }
    return t(tf.dtypes.cast(o(x), DTypes.type(dtype)));
  }

  @Override
  public Tensor identity(Tensor x) {
    return t(tf.identity(o(x)));
  }

  @Override
  public Tensor stopGradient(Tensor x) {
    return t(tf.stopGradient(o(x)));
  }

  // ---- random ----
  @Override
  public Tensor randomUniform(Tensor shape, float min, float max, long seed) {
    Operand u = tf.random.randomUniform(o(shape), TFloat32.class, RandomUniform.seed(seed),
        RandomUniform.seed2(seed >>> 7));
    return t(tf.math.add(tf.math.mul(u, tf.constant(max - min)), tf.constant(min)));
  }

  @Override
  public Tensor randomNormal(Tensor shape, float mean, float stddev, long seed) {
    Operand n = tf.random.randomStandardNormal(o(shape), TFloat32.class, RandomStandardNormal.seed(seed),
        RandomStandardNormal.seed2(seed >>> 7));
    return t(tf.math.add(tf.math.mul(n, tf.constant(stddev)), tf.constant(mean)));
  }

  @Override
  public Tensor statelessRandomUniform(Tensor shape, Tensor seed, float min, float max) {
    return t(TFStatelessRandom.uniform(tf, o(shape), o(seed), min, max));
  }

  @Override
  public Tensor statelessRandomNormal(Tensor shape, Tensor seed, float mean, float stddev) {
    return t(TFStatelessRandom.normal(tf, o(shape), o(seed), mean, stddev));
  }

  @Override
  public Tensor statelessDropout(Tensor x, double rate, Tensor noiseShape, Tensor seed) {
    if (rate >= 1) {
      return zerosLike(x);
    }
    if (rate <= 0) {
      return x;
    }
    return t(TFStatelessRandom.dropout(tf, o(x), rate, noiseShape == null ? tf.shape(o(x)) : o(noiseShape), o(seed)));
  }
}
