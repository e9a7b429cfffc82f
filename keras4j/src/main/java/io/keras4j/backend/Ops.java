package io.keras4j.backend;

import java.util.List;

/**
 * The operations layers, losses, metrics and optimizers are written in.
 *
 * <p>Keras equivalent: {@code keras.ops} (NumPy-like names). Get the operations of the graph being traced with
 * {@link Backend#ops()}. Axes may be negative (counted from the end). Binary operations broadcast like NumPy.
 * The neural-network, image, random, preprocessing and recurrence operations are in the interfaces it extends
 * ({@link NnOps}, {@link ImageOps}, {@link RandomOps}, {@link PreprocessingOps}, {@link RnnOps}), as Keras splits them
 * into modules.
 * <pre>{@code Ops ops = Backend.ops(); Tensor y = ops.add(ops.matmul(x, w), b);}</pre>
 */
public interface Ops extends NnOps, ImageOps, RandomOps, PreprocessingOps, RnnOps {
  // ---- creation ----
  Tensor constant(float value);

  Tensor constant(float[] values, Shape shape);

  Tensor constant(int[] values, Shape shape);

  /** A new input of the graph, fed at each call. */
  Tensor placeholder(String dtype, Shape shape);

  Tensor zeros(Shape shape);

  Tensor fill(Tensor shape, float value);

  Tensor zerosLike(Tensor x);

  Tensor onesLike(Tensor x);

  Tensor range(Tensor start, Tensor limit);

  // ---- variables ----
  /** The value of {@code v} in this graph. */
  Tensor read(Variable v);

  /** Assigns {@code value} to {@code v} when the traced function runs; returns the new value. */
  Tensor assign(Variable v, Tensor value);

  /** Adds {@code delta} to {@code v} when the traced function runs; returns the new value. */
  Tensor assignAdd(Variable v, Tensor delta);

  // ---- fused optimizer updates: one engine operation per variable, float32 variables ----
  /**
   * One Keras Adam step on {@code v}, fused: {@code m += (g - m)(1 - beta1)},
   * {@code vel += (g^2 - vel)(1 - beta2)}, {@code v -= lr sqrt(1 - beta2Power) / (1 - beta1Power) m / (sqrt(vel) + epsilon)}.
   * Runs after this graph's read of {@code v}; returns the new value.
   */
  Tensor adamUpdate(Variable v, Variable m, Variable vel, Tensor beta1Power, Tensor beta2Power, Tensor lr,
      float beta1, float beta2, float epsilon, Tensor grad);

  /**
   * One Keras SGD-with-momentum step on {@code v}, fused: {@code accum = momentum accum - lr g}, then
   * {@code v += accum} (Nesterov: {@code v += momentum accum - lr g}). Returns the new value.
   */
  Tensor sgdMomentumUpdate(Variable v, Variable accum, Tensor lr, Tensor grad, float momentum, boolean nesterov);

  /** One plain SGD step {@code v -= lr g}, fused; returns the new value. */
  Tensor sgdUpdate(Variable v, Tensor lr, Tensor grad);

  // ---- elementwise ----
  Tensor add(Tensor a, Tensor b);

  Tensor subtract(Tensor a, Tensor b);

  Tensor multiply(Tensor a, Tensor b);

  Tensor divide(Tensor a, Tensor b);

  /** {@code a / b}, and 0 where {@code b} is 0. */
  Tensor divideNoNan(Tensor a, Tensor b);

  Tensor add(Tensor a, float b);

  Tensor multiply(Tensor a, float b);

  Tensor negative(Tensor x);

  Tensor abs(Tensor x);

  Tensor sign(Tensor x);

  Tensor square(Tensor x);

  Tensor sqrt(Tensor x);

  Tensor rsqrt(Tensor x);

  Tensor exp(Tensor x);

  Tensor expm1(Tensor x);

  Tensor log(Tensor x);

  Tensor log1p(Tensor x);

  Tensor pow(Tensor x, Tensor y);

  Tensor pow(Tensor x, float y);

  Tensor maximum(Tensor a, Tensor b);

  Tensor minimum(Tensor a, Tensor b);

  Tensor maximum(Tensor a, float b);

  Tensor minimum(Tensor a, float b);

  Tensor clip(Tensor x, float min, float max);

  Tensor floor(Tensor x);

  Tensor round(Tensor x);

  Tensor cos(Tensor x);

  Tensor sin(Tensor x);

  Tensor cosh(Tensor x);

  Tensor erf(Tensor x);

  Tensor tanh(Tensor x);

  Tensor sigmoid(Tensor x);

  Tensor relu(Tensor x);

  /** {@code min(max(x, 0), 6)} as one op (TensorFlow's {@code Relu6}, Keras' {@code ops.relu6}). */
  Tensor relu6(Tensor x);

  Tensor elu(Tensor x);

  Tensor selu(Tensor x);

  Tensor softplus(Tensor x);

  Tensor softsign(Tensor x);

  Tensor leakyRelu(Tensor x, float negativeSlope);

  Tensor softmax(Tensor x, int axis);

  Tensor logSoftmax(Tensor x, int axis);

  /**
   * The input of the op that produced {@code x} when that op is of type {@code opType} ({@code "Softmax"},
   * {@code "Sigmoid"}) and has one input, else null. Keras' TensorFlow backend computes a cross-entropy of such an
   * output from these logits instead of the clipped probabilities ({@code _get_logits} in
   * keras/src/backend/tensorflow/nn.py). By default null: an engine without op types never does.
   */
  default Tensor logitsOf(Tensor x, String opType) {
    return null;
  }

  /**
   * {@code -sum(labels * log_softmax(logits))} over the last axis, one value per row (TensorFlow's
   * {@code softmax_cross_entropy_with_logits}, whose one kernel also yields the gradient). By default the log-softmax
   * form.
   */
  default Tensor softmaxCrossEntropyWithLogits(Tensor labels, Tensor logits) {
    return negative(sum(multiply(labels, logSoftmax(logits, -1)), new int[] {-1}, false));
  }

  /** The angle of {@code (x2, x1)} in radians, elementwise, in (-pi, pi] (Keras' {@code ops.arctan2(x1, x2)}). */
  Tensor arctan2(Tensor x1, Tensor x2);

  // ---- comparison and selection ----
  Tensor equal(Tensor a, Tensor b);

  Tensor notEqual(Tensor a, Tensor b);

  Tensor greater(Tensor a, Tensor b);

  Tensor greaterEqual(Tensor a, Tensor b);

  Tensor less(Tensor a, Tensor b);

  Tensor lessEqual(Tensor a, Tensor b);

  Tensor logicalAnd(Tensor a, Tensor b);

  Tensor logicalOr(Tensor a, Tensor b);

  Tensor logicalNot(Tensor a);

  /** Elementwise {@code condition ? a : b}; the three broadcast together. */
  Tensor where(Tensor condition, Tensor a, Tensor b);

  Tensor isNan(Tensor x);

  Tensor isFinite(Tensor x);

  // ---- reductions; {@code axes} null means all axes ----
  Tensor sum(Tensor x, int[] axes, boolean keepdims);

  Tensor mean(Tensor x, int[] axes, boolean keepdims);

  Tensor max(Tensor x, int[] axes, boolean keepdims);

  Tensor min(Tensor x, int[] axes, boolean keepdims);

  Tensor prod(Tensor x, int[] axes, boolean keepdims);

  Tensor logSumExp(Tensor x, int[] axes, boolean keepdims);

  Tensor argmax(Tensor x, int axis);

  Tensor cumsum(Tensor x, int axis);

  // ---- linear algebra ----
  /** Matrix product over the last two axes (batched when ranks exceed 2). */
  Tensor matmul(Tensor a, Tensor b);

  /**
   * The matrix product of two rank-2 tensors, either taken transposed ({@code tf.linalg.matmul(a, b, transpose_a,
   * transpose_b)}): one op where an explicit transpose would add a second.
   */
  default Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    return matmul(transposeA ? transpose(a, 1, 0) : a, transposeB ? transpose(b, 1, 0) : b);
  }

  /**
   * Einstein summation of two operands (NumPy's and Keras' {@code einsum}), such as {@code "ab,bc->ac"} or
   * {@code "...b,bc->...c"}; differentiable in both.
   */
  Tensor einsum(String equation, Tensor a, Tensor b);

  /** {@code x} (…, n) times {@code w} (n, m), for any rank of {@code x}. */
  Tensor dot(Tensor x, Tensor w);

  // ---- shapes ----
  /** Reshapes; one dimension may be -1 (inferred). The batch dimension is given as -1 too. */
  Tensor reshape(Tensor x, long... shape);

  /** Reshapes to a shape computed in the graph. */
  Tensor reshape(Tensor x, Tensor shape);

  /** The dynamic shape as an int32 vector. */
  Tensor shapeOf(Tensor x);

  /** The dynamic size of axis {@code axis} as an int32 scalar. */
  Tensor dimension(Tensor x, int axis);

  Tensor transpose(Tensor x, int... perm);

  Tensor concatenate(List<Tensor> xs, int axis);

  Tensor stack(List<Tensor> xs, int axis);

  Tensor expandDims(Tensor x, int axis);

  Tensor squeeze(Tensor x, int axis);

  Tensor tile(Tensor x, int... multiples);

  Tensor tile(Tensor x, Tensor multiples);

  Tensor broadcastTo(Tensor x, Tensor shape);

  /** Rows {@code indices} of {@code x} along {@code axis}. */
  Tensor take(Tensor x, Tensor indices, int axis);

  /** A slice: {@code begin} and {@code size} per axis, size -1 meaning to the end. */
  Tensor slice(Tensor x, int[] begin, int[] size);

  /** A slice with begin and size computed in the graph. */
  Tensor slice(Tensor x, Tensor begin, Tensor size);

  /**
   * The gradient of a sigmoid given its output {@code y} and the output's gradient {@code dy}: {@code dy · y · (1 - y)}
   * (TensorFlow's {@code SigmoidGrad}; for hand-written vector-Jacobian products). By default three ops; an engine may
   * do it in one.
   */
  default Tensor sigmoidGrad(Tensor y, Tensor dy) {
    return multiply(dy, multiply(y, add(negative(y), 1f)));
  }

  /**
   * The gradient of tanh given its output {@code y} and the output's gradient {@code dy}: {@code dy · (1 - y²)}
   * (TensorFlow's {@code TanhGrad}). By default four ops; an engine may do it in one.
   */
  default Tensor tanhGrad(Tensor y, Tensor dy) {
    return multiply(dy, add(negative(square(y)), 1f));
  }

  /**
   * {@code x} cut into {@code sections} equal parts along {@code axis} (Keras' {@code ops.split(x, sections, axis)});
   * the axis' static size must be a multiple of {@code sections}. By default one slice per part; an engine may do it
   * in one op.
   */
  default List<Tensor> split(Tensor x, int sections, int axis) {
    return SlicedSplit.run(this, x, sections, axis);
  }

  Tensor pad(Tensor x, int[][] paddings, float value);

  Tensor oneHot(Tensor indices, int depth);

  Tensor cast(Tensor x, String dtype);

  Tensor identity(Tensor x);

  Tensor stopGradient(Tensor x);

  /** Repeats each element {@code repeats} times along {@code axis} (NumPy's {@code repeat}). */
  Tensor repeat(Tensor x, int repeats, int axis);

  /** {@code x} reversed along {@code axis}. */
  Tensor flip(Tensor x, int axis);

  /** Sums of {@code data}'s rows by segment id ({@code segmentIds} int, data's leading shape), numSegments rows. */
  Tensor unsortedSegmentSum(Tensor data, Tensor segmentIds, int numSegments);

  // ---- gradients and control ----
  /** d(target)/d(xs); a null entry where {@code target} does not depend on that x. */
  List<Tensor> gradients(Tensor target, List<Tensor> xs);

  /** {@code x}, computed only after {@code deps} ran. */
  Tensor withDependencies(List<Tensor> deps, Tensor x);

  /**
   * Runs {@code body} so that every op it creates, variable reads included, runs after {@code deps}; use it to read
   * a variable's value after an update in the same function.
   */
  <T> T withControlDependencies(List<Tensor> deps, java.util.function.Supplier<T> body);

  /**
   * Runs {@code body} so that every op it creates, variable reads included, runs after every assignment recorded so
   * far in this trace (Keras' automatic control dependencies in a {@code tf.function}): a metric's result read in it
   * sees this step's updates, and a second training step traced after it sees the first one's weights. By default
   * (where the engine records no updates, as inside a loop body) it runs {@code body} as it is.
   */
  default <T> T afterUpdates(java.util.function.Supplier<T> body) {
    return body.get();
  }

  /**
   * Runs {@code body} {@code count} times, each iteration after the previous one's updates, and returns the last
   * iteration's results: Keras' {@code steps_per_execution} loop. The body receives the iteration's index (an int32
   * scalar) and returns tensors of fully defined shapes. By default the body is traced {@code count} times
   * ({@link UnrolledLoop}); an engine may trace it once into a loop of its own.
   */
  default List<Tensor> repeat(int count, java.util.function.Function<Tensor, List<Tensor>> body) {
    return UnrolledLoop.run(this, count, body);
  }

  /**
   * {@link #repeat(int, java.util.function.Function)} with the count known only when the function runs (an int32
   * scalar of this trace, at least 1): one trace of {@code body} serves every count, so {@code steps_per_execution}
   * groups of any size share one traced function.
   *
   * @throws UnsupportedOperationException when the engine has no loop of its own for this body; callers then trace
   *     {@link #repeat(int, java.util.function.Function)} per count
   */
  default List<Tensor> repeat(Tensor count, java.util.function.Function<Tensor, List<Tensor>> body) {
    throw new UnsupportedOperationException("This engine repeats a body a fixed number of times only");
  }

  /**
   * Makes the later reads of {@code v} in this trace (or in the current {@link #withControlDependencies} scope)
   * return {@code value}, a value of {@code v} after an assignment such as {@link #assign}'s result: as Keras'
   * automatic control dependencies, code that reads the variable afterwards, its gradient and the optimizer's update
   * of it included, sees the assigned value and runs after the assignment.
   */
  void readAs(Variable v, Tensor value);

  /** Runs the given assignments in this trace (recorded as updates of the traced function). */
  void addUpdate(Tensor update);

  /**
   * Runs {@code body}, the call of the layer {@code owner} describes, so that an error of a kernel it adds names that
   * layer (Keras' name scope of a layer's call); by default as it is.
   */
  default <T> T inLayer(String owner, java.util.function.Supplier<T> body) {
    return body.get();
  }
}
