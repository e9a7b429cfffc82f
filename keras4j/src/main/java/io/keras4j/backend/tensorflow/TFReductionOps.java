package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TInt64;

/**
 * The comparison, selection and reduction ops of {@link io.keras4j.backend.Ops} in a TensorFlow graph, with NumPy
 * broadcasting, as Keras' TensorFlow backend ({@code keras/src/backend/tensorflow/numpy.py}) emits them.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
abstract class TFReductionOps extends TFMathOps {
  TFReductionOps(Ops tf) {
    super(tf);
  }

  // ---- comparison and selection ----
  @Override
  public Tensor equal(Tensor a, Tensor b) {
    return t(tf.math.equal(o(a), o(b)));
  }

  @Override
  public Tensor notEqual(Tensor a, Tensor b) {
    return t(tf.math.notEqual(o(a), o(b)));
  }

  @Override
  public Tensor greater(Tensor a, Tensor b) {
    return t(tf.math.greater(o(a), o(b)));
  }

  @Override
  public Tensor greaterEqual(Tensor a, Tensor b) {
    return t(tf.math.greaterEqual(o(a), o(b)));
  }

  @Override
  public Tensor less(Tensor a, Tensor b) {
    return t(tf.math.less(o(a), o(b)));
  }

  @Override
  public Tensor lessEqual(Tensor a, Tensor b) {
    return t(tf.math.lessEqual(o(a), o(b)));
  }

  @Override
  public Tensor logicalAnd(Tensor a, Tensor b) {
    return t(tf.math.logicalAnd(o(a), o(b)));
  }

  @Override
  public Tensor logicalOr(Tensor a, Tensor b) {
    return t(tf.math.logicalOr(o(a), o(b)));
  }

  @Override
  public Tensor logicalNot(Tensor a) {
    return t(tf.math.logicalNot(o(a)));
  }

  @Override
  public Tensor where(Tensor condition, Tensor a, Tensor b) {
    return t(tf.select(o(condition), o(a), o(b)));
  }

  @Override
  public Tensor isNan(Tensor x) {
    return t(tf.math.isNan(o(x)));
  }

  @Override
  public Tensor isFinite(Tensor x) {
    return t(tf.math.isFinite(o(x)));
  }

  // ---- reductions ----
  @Override
  public Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    return t(tf.sum(o(x), axes(x, axes), Sum.keepDims(keepdims)));
  }

  @Override
  public Tensor mean(Tensor x, int[] axes, boolean keepdims) {
    return t(tf.math.mean(o(x), axes(x, axes), org.tensorflow.op.math.Mean.keepDims(keepdims)));
  }

  @Override
  public Tensor max(Tensor x, int[] axes, boolean keepdims) {
    return t(tf.max(o(x), axes(x, axes), Max.keepDims(keepdims)));
  }

  @Override
  public Tensor min(Tensor x, int[] axes, boolean keepdims) {
    return t(tf.min(o(x), axes(x, axes), Min.keepDims(keepdims)));
  }

  @Override
  public Tensor prod(Tensor x, int[] axes, boolean keepdims) {
    return t(tf.prod(o(x), axes(x, axes), Prod.keepDims(keepdims)));
  }

  @Override
  public Tensor logSumExp(Tensor x, int[] axes, boolean keepdims) {
    Tensor m = stopGradient(max(x, axes, true));
    Tensor s = log(sum(exp(subtract(x, m)), axes, true));
    Tensor r = add(s, m);
    return keepdims ? r : squeezeAxes(r, x, axes);
  }

  private Tensor squeezeAxes(Tensor r, Tensor x, int[] axes) {
    long[] dims = x.shape().dims();
    List<Long> keep = new ArrayList<>();
    Set<Integer> drop = new java.util.HashSet<>();
    if (axes == null) {
      return reshape(r);
    }
    for (int a : axes) {
      drop.add(norm(x, a));
    }
    for (int i = 0; i < dims.length; i++) {
      if (!drop.contains(i)) {
        keep.add(dims[i]);
      }
    }
    return t(tf.squeeze(o(r), org.tensorflow.op.core.Squeeze.axis(drop.stream().map(Long::valueOf).toList())));
  }

  @Override
  public Tensor argmax(Tensor x, int axis) {
    return t(tf.math.argMax(o(x), tf.constant(norm(x, axis)), TInt64.class));
  }

  @Override
  public Tensor cumsum(Tensor x, int axis) {
    return t(tf.math.cumsum(o(x), tf.constant(norm(x, axis))));
  }
}
