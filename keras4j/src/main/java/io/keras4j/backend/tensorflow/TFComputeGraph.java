package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import io.keras4j.backend.VariableHolder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.family.TType;

/**
 * A TensorFlow graph and its session, holding copies of the {@link Variable}s its functions use.
 *
 * <p>Porting note: Keras 3's TensorFlow backend traces {@code tf.function}s over {@code tf.Variable}s; here each
 * keras4j variable gets a resource variable in this graph, filled from the host copy before the first run that
 * needs it and read back only when the host asks.
 */
final class TFComputeGraph implements ComputeGraph, VariableHolder {
  /**
   * Whether a traced function's run executes its ops in the calling thread (TensorFlow's
   * {@code RunOptions.inter_op_thread_pool = -1}) rather than handing each ready op to the inter-op thread pool:
   * true unless the system property {@code keras4j.tensorflow.inlineRuns} is {@code false} when the function is
   * traced. A training or predict step of a small model is a chain of short ops, where the hand-offs between
   * threads cost more than the ops (W1's training step took 127 us inline against 222 us, docs/perf/w1.md); each
   * large op still uses the intra-op threads. An inline run flushes denormals to zero in the calling thread for its
   * kernels, as TensorFlow's own threads do ({@link DenormalFlush}).
   */
  static boolean inlineRuns() {
    return !"false".equals(System.getProperty("keras4j.tensorflow.inlineRuns"));
  }

  /**
   * Weight values from which a function of independent copies, or a function that updates that many values (a
   * training step), runs on the inter-op pool.
   */
  static final long POOL_WEIGHTS = 65_536;
  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  /**
   * Created when a function that fetches or updates something is traced (or at the first run): a graph only traced
   * for a layer's output shapes (a scratch graph) needs none.
   */
  private Session session;
  private final Map<Variable, VarSlot> slots = new IdentityHashMap<>();
  private final Map<Variable, Object> prefetched = new IdentityHashMap<>();
  private final boolean export;
  private boolean closed;
  private final List<Runnable> onClose = new ArrayList<>();
  /** Which layer made each op, made at the first need ({@link #owners}); null before or where it cannot be made. */
  private NodeOwners owners;
  /** Recurrences traced into this graph so far ({@link #noteRecurrence}). */
  private int recurrences;
  /** Recurrences traced into this graph as independent chains so far ({@link #noteChains}). */
  private int chained;
  /** Host values pushed but not yet assigned: one session run assigns them all (see {@link #push}). */
  private final Map<VarSlot, TFNativeArray> pending = new java.util.LinkedHashMap<>();

  TFComputeGraph() {
    this(false);
  }

  /**
   * With {@code export}, variables become TF1 variables initialised with their current host values, which
   * SavedModel export saves; such a graph runs inference only.
   */
  TFComputeGraph(boolean export) {
    this.export = export;
  }

  Session session() {
    flushPushes();
    return liveSession();
  }

  Session liveSession() {
    if (session == null) {
      session = new Session(graph);
    }
    return session;
  }

  /** A variable's ops in this graph. */
  static final class VarSlot {
    Operand<? extends TType> handle;
    Operand<? extends TType> read;
    Placeholder<? extends TType> feed;
    Op assignFeed;
    /** The resource's name in the session, which a loop body's own handle names too. */
    String sharedName;
    long syncedVersion = -1;
  }

  Ops tf() {
    return tf;
  }

  /** Whether this graph's variables are TF1 variables with initialisers, for a SavedModel export. */
  boolean exports() {
    return export;
  }

  Graph graph() {
    return graph;
  }

  /** The record of the layers that made this graph's ops, if one has been made, else null. */
  synchronized NodeOwners ownersIfMade() {
    return owners;
  }

  /** The layers that made this graph's ops, made now if needed; null once closed or where the handle is unread. */
  synchronized NodeOwners owners() {
    if (owners == null && !closed) {
      TF_Graph handle = NativeGraphs.handle(graph);
      owners = handle == null ? null : new NodeOwners(handle);
      if (owners != null) {
        onClose(owners::close);
      }
    }
    return owners;
  }

  VarSlot slot(Variable v) {
    return slots.computeIfAbsent(v, this::newSlot);
  }

  private VarSlot newSlot(Variable v) {
    VarSlot s = new VarSlot();
    if (export) {
      Ops root = tf.withControlDependencies(List.of());
      Object host = v.hostBuffer();
      v.floatValue(); // brings the newest value home
      var value = host instanceof float[] ? root.constant(TFNativeArray.tfShape(v.shape()),
          org.tensorflow.ndarray.buffer.DataBuffers.of(v.floatValue(), true, false))
          : root.constant(TFNativeArray.tfShape(v.shape()),
              org.tensorflow.ndarray.buffer.DataBuffers.of(v.longValue(), true, false));
      s.read = root.withName(uniqueName(v)).variable(value);
      s.syncedVersion = Long.MAX_VALUE;
      return s;
    }
    var type = DTypes.type(v.dtype());
    var shape = TFNativeArray.tfShape(v.shape());
    Ops root = tf.withControlDependencies(List.of());
    s.sharedName = "k4j_" + slots.size();
    s.handle = root.withName(uniqueName(v)).varHandleOp(type, shape, VarHandleOp.sharedName(s.sharedName));
    s.read = root.readVariableOp(s.handle, type);
    return s;
  }

  private String uniqueName(Variable v) {
    String base = v.path().replaceAll("[^A-Za-z0-9_./-]", "_").replace('/', '_');
    if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
      base = "v" + base;
    }
    String name = base;
    for (int i = 1; graph.operation(name) != null; i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /**
   * {@inheritDoc} TensorFlow: such a function runs on the inter-op thread pool rather than inline when its copies
   * hold loops (recurrent layers: two recurrences, each a long chain of small ops, run on two threads at once; W5's
   * predict at steps_per_execution 32) or when the variables it reads hold {@value #POOL_WEIGHTS} values or more (a
   * CNN's convolutions: W3's predict at steps_per_execution 32 ran 11,500-11,900 samples/s inline against
   * 16,300-17,600 on the pool); the copies of a small model stay inline, where the hand-offs cost more than the ops
   * (W1's predict at 32: 4.2-4.5M inline against 2.5-3.3M samples/s).
   */
  @Override
  public TracedFunction traceIndependent(Supplier<List<Tensor>> body) {
    return trace(body, true);
  }

  /**
   * {@inheritDoc} TensorFlow: such a function runs inline, in the calling thread, unless it updates
   * {@value #POOL_WEIGHTS} values or more and holds no recurrence: a training step of a model that size, whose
   * gradients and variable updates are independent branches that the inter-op pool runs side by side (on 2 cores of
   * an AMD EPYC Zen 4, W2's training ran 1.07-1.09x as fast as inline, W3's 0.91-1.15x; on a Zen 5 within 1-4% of
   * inline either way; docs/performance.md). A recurrence's step is a chain of small ops, where hand-offs to the
   * pool cost more than the ops, and a small model's step likewise; but a function holding a recurrence traced as
   * independent chains over a wide batch ({@link RnnChains}) runs on the pool, which runs the chains side by side.
   */
  @Override
  public TracedFunction trace(Supplier<List<Tensor>> body) {
    return trace(body, false);
  }

  /** Marks a recurrence (a loop or unrolled chain over time steps) as traced into this graph. */
  void noteRecurrence() {
    recurrences++;
  }

  /**
   * Marks a recurrence traced as independent loops over parts of its batch ({@link RnnChains}): the function being
   * traced runs on the inter-op pool, which runs the loops side by side.
   */
  void noteChains() {
    chained++;
  }

  private TracedFunction trace(Supplier<List<Tensor>> body, boolean independent) {
    checkOpen();
    int recurrencesBefore = recurrences;
    int chainedBefore = chained;
    TFOps ops = new TFOps(this);
    int before = ops.opsBefore();
    List<Tensor> outputs = Backend.withOps(ops, () -> {
      List<Tensor> out = new ArrayList<>();
      for (Tensor t : body.get()) {
        // a fed placeholder cannot also be fetched: fetch its identity
        boolean fed = ((TFTensor) t).operand().op().type().equals("Placeholder");
        out.add(fed ? ops.identity(t) : t);
      }
      return out;
    });
    ops.traceEnded();
    TFFunction fn = new TFFunction(this, ops, outputs);
    boolean pool = independent ? fn.weightValues() >= POOL_WEIGHTS || hasLoopAfter(before)
        : (fn.changedValues() >= POOL_WEIGHTS && recurrences == recurrencesBefore) || chained > chainedBefore;
    fn.inline(inlineRuns() && !pool);
    return fn;
  }

  /** Whether {@code fn}, traced by a TFComputeGraph, runs its ops in the calling thread. */
  static boolean runsInline(TracedFunction fn) {
    return fn instanceof TFFunction f && f.inline();
  }

  /** Whether an op after the first {@code skip} of the graph (in creation order) belongs to a While loop. */
  private boolean hasLoopAfter(int skip) {
    int i = 0;
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); i++) {
      GraphOperation op = it.next();
      if (i >= skip && (op.type().equals("Enter") || op.type().endsWith("While"))) {
        return true;
      }
    }
    return false;
  }

  // ---- VariableHolder ----

  @Override
  public void push(Variable v) {
    VarSlot s = slot(v);
    if (s.feed == null) {
      var type = DTypes.type(v.dtype());
      Ops root = tf.withControlDependencies(List.of());
      s.feed = root.placeholder(type);
      s.assignFeed = root.assignVariableOp(s.handle, s.feed);
    }
    Object host = v.hostBuffer();
    // copied now, assigned with the others in one run before the next run of this session: a run per variable made
    // TensorFlow build an executor per variable over the whole graph (DenseNet121's first predict took a minute)
    TFNativeArray older = pending.put(s, host instanceof float[] f ? TFNativeArray.of(f, v.shape())
        : longArray((long[]) host, v));
    if (older != null) {
      older.close(); // pushed again before any run: the newer value wins
    }
  }

  /** Assigns every pushed value in one session run. */
  void flushPushes() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      Session.Runner runner = liveSession().runner();
      pending.forEach((slot, value) ->
          runner.feed(slot.feed, value.tensor().asRawTensor()).addTarget(slot.assignFeed));
      runner.run().close();
    } finally {
      discardPushes();
    }
  }

  private void discardPushes() {
    pending.values().forEach(TFNativeArray::close);
    pending.clear();
  }

  private static TFNativeArray longArray(long[] data, Variable v) {
    return new TFNativeArray(org.tensorflow.types.TInt64.tensorOf(TFNativeArray.tfShape(v.shape()),
        org.tensorflow.ndarray.buffer.DataBuffers.of(data, true, false)));
  }

  @Override
  public void pull(Variable v) {
    Object fetched = prefetched.remove(v);
    if (fetched != null) {
      hostBuffer(v, fetched);
      return;
    }
    VarSlot s = slot(v);
    flushPushes();
    try (Result r = liveSession().runner().fetch(s.read).run()) {
      hostBuffer(v, hostValue(v, new TFNativeArray(r.get(0))));
    }
  }

  private static Object hostValue(Variable v, TFNativeArray value) {
    return "int64".equals(v.dtype()) ? value.toLongArray() : value.toFloatArray();
  }

  private static void hostBuffer(Variable v, Object value) {
    if (value instanceof long[] longs) {
      v.hostBuffer(longs);
    } else {
      v.hostBuffer((float[]) value);
    }
  }

  /**
   * Reads every variable in {@code vars} with one session call, for the {@link #pull}s that follow (one call per
   * variable would build one TensorFlow executor per variable: tens of seconds for a large model).
   */
  @Override
  public void prefetch(List<Variable> vars) {
    prefetched.clear();
    if (vars.isEmpty()) {
      return;
    }
    flushPushes();
    Session.Runner runner = liveSession().runner();
    vars.forEach(v -> runner.fetch(slot(v).read));
    try (Result r = runner.run()) {
      for (int i = 0; i < vars.size(); i++) {
        prefetched.put(vars.get(i), hostValue(vars.get(i), new TFNativeArray(r.get(i))));
      }
    }
  }

  @Override
  public long syncedVersion(Variable v) {
    VarSlot s = slots.get(v);
    return s == null ? -1 : s.syncedVersion;
  }

  @Override
  public void synced(Variable v, long version) {
    slot(v).syncedVersion = version;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("This graph has been closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    Variable.refreshAll(List.copyOf(slots.keySet()));
    for (Variable v : slots.keySet()) {
      v.release(this);
    }
    synchronized (onClose) { // no action is added once closed
      closed = true;
    }
    discardPushes();
    onClose.forEach(Runnable::run);
    if (session != null) {
      session.close();
    }
    graph.close();
  }

  /** Runs {@code action} when this graph closes (to forget what was kept for its ops). */
  void onClose(Runnable action) {
    synchronized (onClose) {
      if (!closed) {
        onClose.add(action);
        return;
      }
    }
    action.run(); // closed already, or closing: its actions have run
  }
}
