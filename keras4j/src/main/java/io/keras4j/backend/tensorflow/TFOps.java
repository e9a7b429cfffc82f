package io.keras4j.backend.tensorflow;

import io.keras4j.backend.AutocastScope;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.ResourceApplyKerasMomentum;
import org.tensorflow.types.TFloat32;

/**
 * {@link io.keras4j.backend.Ops} in a TensorFlow graph. Records the placeholders, variable reads and assignments
 * of the function being traced.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class TFOps extends TFArrayOps {
  private final TFComputeGraph graph;
  private boolean scoped;
  /** Reads made inside the current control-dependency scope, one per variable, so gradients can find them. */
  private java.util.Map<Variable, Tensor> scopedReads = new java.util.IdentityHashMap<>();
  private final java.util.Map<Variable, Tensor> readsAfterUpdate = new java.util.IdentityHashMap<>();
  private final List<Tensor> placeholders = new ArrayList<>();
  private final List<Op> updates = new ArrayList<>();
  private final Set<Variable> reads = new LinkedHashSet<>();
  private final Set<Variable> assigned = new LinkedHashSet<>();

  /** The ops of this trace that use a variable's read, which its update waits for. */
  private final ReadUsers readUsers;

  TFOps(TFComputeGraph graph) {
    this(graph, ReadUsers.opsIn(graph.graph()));
  }

  /** Ops tracing into {@code graph}, which held {@code opsBefore} ops of other traces when this one began. */
  TFOps(TFComputeGraph graph, int opsBefore) {
    super(graph.tf());
    this.graph = graph;
    this.readUsers = new ReadUsers(graph.graph(), opsBefore);
  }

  /** The number of ops the graph held when this trace began. */
  int opsBefore() {
    return readUsers.opsBefore();
  }

  /** Called when the trace has ended: drops what it kept only for tracing. */
  void traceEnded() {
    readUsers.release();
  }

  /** TensorFlow Java's ops, with the current control dependencies. */
  Ops tf() {
    return tf;
  }

  /** The graph being traced. */
  TFComputeGraph graph() {
    return graph;
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
  /** The resource handle of {@code v} that this trace's ops use. */
  Operand<?> handle(Variable v) {
    return graph.slot(v).handle;
  }

  /** The read of {@code v} outside any control-dependency scope, shared by the trace. */
  Operand<?> plainRead(Variable v) {
    return graph.slot(v).read;
  }

  /** The ops of the graph being traced, without control dependencies. */
  Ops root() {
    return graph.tf().withControlDependencies(List.of());
  }

  /** The graph that gradients are added to. */
  org.tensorflow.Graph gradientGraph() {
    return graph.graph();
  }

  @Override
  public Tensor read(Variable v) {
    return AutocastScope.maybeCast(v, readStored(v), this);
  }

  private Tensor readStored(Variable v) {
    reads.add(v);
    if (!scoped) {
      Tensor after = readsAfterUpdate.get(v);
      return after != null ? after : t(plainRead(v));
    }
    return scopedReads.computeIfAbsent(v, k -> t(tf.readVariableOp(handle(v), DTypes.type(v.dtype()))));
  }

  @Override
  public void readAs(Variable v, Tensor value) {
    reads.add(v);
    if (scoped) {
      scopedReads.put(v, value);
    } else {
      readsAfterUpdate.put(v, value);
    }
  }

  @Override
  public Tensor assign(Variable v, Tensor value) {
    Operand val = o(value);
    if (!DTypes.name(val.type()).equals(v.dtype())) {
      val = tf.dtypes.cast(val, DTypes.type(v.dtype()));
    }
    Op a = tf.assignVariableOp(handle(v), val);
    updates.add(a);
    assigned.add(v);
    return t(tf.withControlDependencies(List.of(a)).readVariableOp(handle(v), DTypes.type(v.dtype())));
  }

  @Override
  public Tensor assignAdd(Variable v, Tensor delta) {
    return assign(v, add(read(v), delta));
  }

  @Override
  public Tensor adamUpdate(Variable v, Variable m, Variable vel, Tensor beta1Power, Tensor beta2Power, Tensor lr,
      float beta1, float beta2, float epsilon, Tensor grad) {
    Op apply = afterRead(v).train.resourceApplyAdam(handle(v), handle(m),
        handle(vel), o(beta1Power), o(beta2Power), o(lr), tf.constant(beta1), tf.constant(beta2),
        tf.constant(epsilon), o(grad));
    return applied(apply, v, m, vel);
  }

  @Override
  public Tensor sgdMomentumUpdate(Variable v, Variable accum, Tensor lr, Tensor grad, float momentum,
      boolean nesterov) {
    Op apply = afterRead(v).train.resourceApplyKerasMomentum(handle(v), handle(accum),
        o(lr), o(grad), tf.constant(momentum),
        ResourceApplyKerasMomentum.useNesterov(nesterov));
    return applied(apply, v, accum);
  }

  @Override
  public Tensor sgdUpdate(Variable v, Tensor lr, Tensor grad) {
    Op apply = afterRead(v).train.resourceApplyGradientDescent(handle(v), o(lr), o(grad));
    return applied(apply, v);
  }

  /**
   * Leaves {@code ops}, which this trace made but does not use (a recurrence's chain given up for one loop), out of the
   * ops a variable's update waits for: waiting for them would run them.
   */
  void leaveOut(java.util.Set<org.tensorflow.GraphOperation> ops) {
    readUsers.leaveOut(ops);
  }

  /**
   * Ops that run after this graph's (or this scope's) read of {@code v}, which the update must not overtake, and
   * after the ops of this trace that use the value read ({@link ReadUsers}), so that the update needs no copy.
   */
  private Ops afterRead(Variable v) {
    Set<Operation> deps = new LinkedHashSet<>();
    Operation stored = o(readStored(v)).op(); // the value itself: an autocast copy of it is one of its users
    deps.add(stored);
    if (stored instanceof GraphOperation read && read.type().equals("ReadVariableOp")) {
      readUsers.addTo(read, deps);
    }
    return tf.withControlDependencyOps(deps);
  }

  /** Records a fused update of {@code vars} (the first is the updated variable); returns its new value. */
  private Tensor applied(Op apply, Variable... vars) {
    updates.add(apply);
    assigned.addAll(List.of(vars));
    Variable v = vars[0];
    return t(tf.withControlDependencies(List.of(apply)).readVariableOp(handle(v), DTypes.type(v.dtype())));
  }

  // ---- recurrence ----
  @Override
  public io.keras4j.backend.RnnResult rnn(io.keras4j.backend.RnnStep step, List<Tensor> inputs,
      List<Tensor> initialStates, Tensor mask, boolean goBackwards, boolean unroll, boolean zeroOutputForMask,
      boolean returnAllOutputs) {
    graph.noteRecurrence();
    if (unroll) {
      return io.keras4j.backend.UnrolledRnn.run(this, step, inputs, initialStates, mask, goBackwards,
          zeroOutputForMask, returnAllOutputs);
    }
    return TFRnn.run(this, step, inputs, initialStates, mask, goBackwards, zeroOutputForMask, returnAllOutputs);
  }

  /** TensorFlow's {@code BlockLSTMV2} for float32 ({@link TFLstm}); null for other dtypes. */
  @Override
  public io.keras4j.backend.RnnResult lstm(Tensor sequences, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, boolean goBackwards, boolean returnAllOutputs) {
    for (Tensor t : java.util.Arrays.asList(sequences, h0, c0, kernel, recurrentKernel, bias)) {
      if (t != null && !"float32".equals(t.dtype())) {
        return null;
      }
    }
    if (sequences.rank() != 3) {
      return null;
    }
    return TFLstm.run(this, sequences, h0, c0, kernel, recurrentKernel, bias, goBackwards, returnAllOutputs);
  }

  // ---- gradients and control ----
  @Override
  public List<Tensor> gradients(Tensor target, List<Tensor> xs) {
    Output<?>[] x = new Output<?>[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = o(xs.get(i)).asOutput();
    }
    TFRnn.prepareGradients(gradientGraph());
    Output<?>[] g;
    try {
      g = gradientGraph().addGradients(o(target).asOutput(), x);
    } catch (org.tensorflow.exceptions.TFInvalidArgumentException e) {
      if (x.length == 1 || !String.valueOf(e.getMessage()).contains("unreachable")) {
        throw e;
      }
      g = eachReachable(target, x); // some source does not lead to the target: null for it, as tf.gradients
    }
    ReluGradients.readOutputs(gradientGraph());
    List<Tensor> out = new ArrayList<>();
    for (Output<?> gi : g) {
      out.add(gi == null || gi.op() == null ? null : t(gi));
    }
    return out;
  }

  /** The gradient of {@code target} for each source separately, null for the sources it does not depend on. */
  private Output<?>[] eachReachable(Tensor target, Output<?>[] x) {
    Output<?>[] g = new Output<?>[x.length];
    for (int i = 0; i < x.length; i++) {
      try {
        g[i] = gradientGraph().addGradients(o(target).asOutput(), new Output<?>[] {x[i]})[0];
      } catch (org.tensorflow.exceptions.TFInvalidArgumentException e) {
        g[i] = null;
      }
    }
    return g;
  }

  /** Keras' steps_per_execution loop: one TensorFlow loop over one trace of the body (see {@link TFStepLoop}). */
  @Override
  public List<Tensor> repeat(int count, java.util.function.Function<Tensor, List<Tensor>> body) {
    if (count == 1) {
      return io.keras4j.backend.UnrolledLoop.run(this, 1, body);
    }
    return TFStepLoop.run(this, constant(new int[] {count}, io.keras4j.backend.Shape.scalar()), body);
  }

  /** One TensorFlow loop over one trace of the body, run {@code count} times ({@link TFStepLoop}). */
  @Override
  public List<Tensor> repeat(Tensor count, java.util.function.Function<Tensor, List<Tensor>> body) {
    return TFStepLoop.run(this, count, body);
  }

  @Override
  public Tensor withDependencies(List<Tensor> deps, Tensor x) {
    return t(tf.withControlDependencies(ops(deps)).identity(o(x)));
  }

  @Override
  public <T> T withControlDependencies(List<Tensor> deps, Supplier<T> body) {
    return afterOps(ops(deps), body);
  }

  @Override
  public <T> T afterUpdates(Supplier<T> body) {
    return afterOps(new ArrayList<>(updates), body);
  }

  private <T> T afterOps(List<Op> deps, Supplier<T> body) {
    Ops saved = tf;
    boolean savedScoped = scoped;
    java.util.Map<Variable, Tensor> savedReads = scopedReads;
    tf = tf.withControlDependencies(deps);
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
      list.add(root().identity(o(d)));
    }
    return list;
  }

  /**
   * {@inheritDoc} TensorFlow: the ops the call adds are recorded as the layer's ({@link NodeOwners}), which
   * {@link TFFunction} names when one of them fails.
   */
  @Override
  public <T> T inLayer(String owner, Supplier<T> body) {
    NodeOwners owners = owners();
    return owners == null ? body.get() : owners.run(owner, body);
  }

  /**
   * The record of which layer made the ops this trace adds: the model graph's; null where the ops go to a function's
   * body (a recurrence's step, whose ops are its layer's: {@link NodeOwners#noteFunction}).
   */
  NodeOwners owners() {
    return tf.scope().env() == graph.graph() ? graph.owners() : null;
  }

  @Override
  public void addUpdate(Tensor update) {
    updates.add(root().identity(o(update)));
  }
}
