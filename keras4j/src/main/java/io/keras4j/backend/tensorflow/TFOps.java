package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * {@link io.keras4j.backend.Ops} in a TensorFlow graph. Records the placeholders, variable reads and assignments
 * of the function being traced.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class TFOps implements io.keras4j.backend.Ops {
  private final TFComputeGraph graph;
  private Ops tf;
  private boolean scoped;
  /** Reads made inside the current control-dependency scope, one per variable, so gradients can find them. */
  private java.util.Map<Variable, Tensor> scopedReads = new java.util.IdentityHashMap<>();
  private final List<Tensor> placeholders = new ArrayList<>();
  private final List<Op> updates = new ArrayList<>();
  private final Set<Variable> reads = new LinkedHashSet<>();
  private final Set<Variable> assigned = new LinkedHashSet<>();

  TFOps(TFComputeGraph graph) {
    this.graph = graph;
    this.tf = graph.tf();
  }

  List<Tensor> placeholders() {
    return placeholders;
  }

  List<Op> updates() {
    return updates;
  }

  Set<Variable> readVariables() {
    return reads;
  }

  Set<Variable> assignedVariables() {
    return assigned;
  }

  private static Operand o(Tensor t) {
    if (!(t instanceof TFTensor tt)) {
      throw new IllegalArgumentException("Expected a backend tensor of this graph. Received: " + t);
    }
    return tt.operand();
  }

  private static Tensor t(Operand<?> o) {
    return new TFTensor(o);
  }

  private Operand scalarLike(Tensor x, float v) {
    Operand c = tf.constant(v);
    return "float32".equals(x.dtype()) ? c : tf.dtypes.cast(c, o(x).type());
  }

  private Operand axes(Tensor x, int[] axes) {
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

  private static int norm(Tensor x, int axis) {
    return axis < 0 ? axis + x.rank() : axis;
  }

  // ---- creation ----
  @Override
  public Tensor constant(float value) {
    return t(tf.constant(value));
  }

  @Override
  public Tensor constant(float[] values, Shape shape) {
    return t(tf.constant(TFNativeArray.tfShape(shape), DataBuffers.of(values, true, false)));
  }

  @Override
  public Tensor constant(int[] values, Shape shape) {
    return t(tf.constant(TFNativeArray.tfShape(shape), DataBuffers.of(values, true, false)));
  }

  @Override
  public Tensor placeholder(String dtype, Shape shape) {
    Placeholder<?> p = tf.placeholder(DTypes.type(dtype), Placeholder.shape(TFNativeArray.tfShape(shape)));
    Tensor t = t(p);
    placeholders.add(t);
    return t;
  }

  @Override
  public Tensor zeros(Shape shape) {
    return t(tf.zeros(tf.constant(shape.dims()), TFloat32.class));
  }

  @Override
  public Tensor fill(Tensor shape, float value) {
    return t(tf.fill(o(shape), tf.constant(value)));
  }

  @Override
  public Tensor zerosLike(Tensor x) {
    return t(tf.zerosLike(o(x)));
  }

  @Override
  public Tensor onesLike(Tensor x) {
    // OnesLike has no C++ gradient; Fill of the dynamic shape has one
    return t(tf.fill(tf.shape(o(x)), scalarLike(x, 1f)));
  }

  @Override
  public Tensor range(Tensor start, Tensor limit) {
    return t(tf.range(o(start), o(limit), tf.dtypes.cast(tf.constant(1), o(start).type())));
  }

  // ---- variables ----
  @Override
  public Tensor read(Variable v) {
    reads.add(v);
    TFComputeGraph.VarSlot s = graph.slot(v);
    if (!scoped) {
      return t(s.read);
    }
    return scopedReads.computeIfAbsent(v, k -> t(tf.readVariableOp(s.handle, DTypes.type(v.dtype()))));
  }

  @Override
  public Tensor assign(Variable v, Tensor value) {
    TFComputeGraph.VarSlot s = graph.slot(v);
    Operand val = o(value);
    if (!DTypes.name(val.type()).equals(v.dtype())) {
      val = tf.dtypes.cast(val, DTypes.type(v.dtype()));
    }
    Op a = tf.assignVariableOp(s.handle, val);
    updates.add(a);
    assigned.add(v);
    return t(tf.withControlDependencies(List.of(a)).readVariableOp(s.handle, DTypes.type(v.dtype())));
  }

  @Override
  public Tensor assignAdd(Variable v, Tensor delta) {
    return assign(v, add(read(v), delta));
  }

  // ---- elementwise ----
  @Override
  public Tensor add(Tensor a, Tensor b) {
    return t(tf.math.add(o(a), o(b)));
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

  @Override
  public Tensor logSoftmax(Tensor x, int axis) {
    return lastAxis(x, axis, y -> t(tf.nn.logSoftmax(o(y))));
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

  // ---- linear algebra ----
  @Override
  public Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() == 2 && b.rank() == 2) {
      return t(tf.linalg.matMul(o(a), o(b)));
    }
    return t(tf.train.batchMatMul(o(a), o(b), o(a).type()));
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
    Shape target = x.shape().with(-1, m).with(0, -1);
    if (target.withoutBatch().isFullyDefined()) {
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
    Operand u = tf.random.randomUniform(o(shape), TFloat32.class, RandomUniform.seed(seed), RandomUniform.seed2(seed >>> 7));
    return t(tf.math.add(tf.math.mul(u, tf.constant(max - min)), tf.constant(min)));
  }

  @Override
  public Tensor randomNormal(Tensor shape, float mean, float stddev, long seed) {
    Operand n = tf.random.randomStandardNormal(o(shape), TFloat32.class, RandomStandardNormal.seed(seed),
        RandomStandardNormal.seed2(seed >>> 7));
    return t(tf.math.add(tf.math.mul(n, tf.constant(stddev)), tf.constant(mean)));
  }

  // ---- gradients and control ----
  @Override
  public List<Tensor> gradients(Tensor target, List<Tensor> xs) {
    Output<?>[] x = new Output<?>[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = o(xs.get(i)).asOutput();
    }
    Output<?>[] g = graph.graph().addGradients(o(target).asOutput(), x);
    List<Tensor> out = new ArrayList<>();
    for (Output<?> gi : g) {
      out.add(gi == null || gi.op() == null ? null : t(gi));
    }
    return out;
  }

  @Override
  public Tensor withDependencies(List<Tensor> deps, Tensor x) {
    return t(tf.withControlDependencies(ops(deps)).identity(o(x)));
  }

  @Override
  public <T> T withControlDependencies(List<Tensor> deps, Supplier<T> body) {
    Ops saved = tf;
    boolean savedScoped = scoped;
    java.util.Map<Variable, Tensor> savedReads = scopedReads;
    tf = tf.withControlDependencies(ops(deps));
    scoped = true;
    scopedReads = new java.util.IdentityHashMap<>();
    try {
      return body.get();
    } finally {
      tf = saved;
      scoped = savedScoped;
      scopedReads = savedReads;
    }
  }

  private List<Op> ops(List<Tensor> deps) {
    List<Op> list = new ArrayList<>();
    for (Tensor d : deps) {
      list.add(graph.tf().withControlDependencies(List.of()).identity(o(d)));
    }
    return list;
  }

  @Override
  public void addUpdate(Tensor update) {
    updates.add(graph.tf().withControlDependencies(List.of()).identity(o(update)));
  }
}
