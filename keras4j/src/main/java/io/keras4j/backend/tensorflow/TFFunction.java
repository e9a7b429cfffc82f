package io.keras4j.backend.tensorflow;

import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.RunOptions;

/**
 * A function traced into a {@link TFComputeGraph}: its placeholders, outputs, updates and the variables it reads and
 * writes, run in one {@code Session.run} per call.
 *
 * <p>Keras equivalent: a {@code tf.function} of Keras' TensorFlow trainer, called with the step's data.
 *
 * <p>A call runs through {@link DirectRun} (TensorFlow's C API, its native arrays made once) where it can, and
 * otherwise through {@code Session.Runner}, which takes one path whatever the function: arrays of the outputs to feed
 * and fetch and of the targets, the fed tensors as {@code RawTensor}s, and run options on every run. So the JIT's code
 * for {@link #call(List, int...)}, with TensorFlow Java's run inlined into it, stays valid when another model's
 * function runs next (other op classes, no updates, the inter-op pool); otherwise each such change deoptimized it,
 * and recompiling it and the run took about 0.3 s of one of the machine's two cores during the suite's timed W2 fit
 * (docs/performance.md, 12-07 02:05).
 */
final class TFFunction implements TracedFunction {
  /**
   * TensorFlow's run options that execute a run's ops in the calling thread ({@code inter_op_thread_pool = -1}), with
   * denormals flushed to zero around the run ({@link DenormalFlush}).
   */
  private static final RunOptions INLINE = RunOptions.newBuilder().setInterOpThreadPool(-1).build();
  /** The default run options: the ops run on the session's inter-op thread pool (as a run with no options). */
  private static final RunOptions POOL = RunOptions.getDefaultInstance();

  static {
    // each message computes its serialized size at its first run; done here, the run's compiled code never sees that
    INLINE.getSerializedSize();
    POOL.getSerializedSize();
  }

  private final TFComputeGraph owner;
  private final List<Tensor> inputs;
  private final List<Tensor> outputs;
  private final Output<?>[] feedOutputs;
  private final Output<?>[] fetchOutputs;
  /** The run's target: none, or one NoOp that depends on every update. */
  private final GraphOperation[] targets;
  private final Variable[] used;
  private final Variable[] changed;
  /** {@link #INLINE} or {@link #POOL}; set when traced ({@code TFComputeGraph.trace}). */
  private RunOptions options = INLINE;
  /** The run through TensorFlow's C API, made at the first call; null where it cannot be made or not yet made. */
  private volatile DirectRun direct;
  private volatile boolean directTried;

  TFFunction(TFComputeGraph owner, TFOps ops, List<Tensor> outputs) {
    this.owner = owner;
    this.inputs = List.copyOf(ops.placeholders());
    this.outputs = outputs;
    this.feedOutputs = outputsOf(inputs);
    this.fetchOutputs = outputsOf(outputs);
    // one NoOp depending on every update: a single target per run (TensorFlow keys its executors by targets)
    this.targets = ops.updates().isEmpty() ? new GraphOperation[0] : new GraphOperation[] {
        (GraphOperation) owner.tf().withControlDependencies(new ArrayList<>(ops.updates())).noOp().op()};
    Set<Variable> all = new LinkedHashSet<>(ops.readVariables());
    all.addAll(ops.assignedVariables());
    this.used = all.toArray(new Variable[0]);
    this.changed = ops.assignedVariables().toArray(new Variable[0]);
    if (fetchOutputs.length > 0 || targets.length > 0) {
      // the session now rather than at the first call, whose compiled code then never takes that branch; a scratch
      // trace of output shapes fetches nothing and makes none unless a layer's call assigns a variable
      owner.liveSession();
    }
  }

  private static Output<?>[] outputsOf(List<Tensor> tensors) {
    Output<?>[] out = new Output<?>[tensors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = tensors.get(i) == null ? null : ((TFTensor) tensors.get(i)).operand().asOutput();
    }
    return out;
  }

  /** Whether a run executes its ops in the calling thread (default true). */
  boolean inline() {
    return options == INLINE;
  }

  /** Runs the ops in the calling thread, or on the session's inter-op thread pool. */
  synchronized void inline(boolean inline) {
    this.options = inline ? INLINE : POOL;
    if (direct != null) { // made for the other options: a run in progress on it ends first, later ones fall back
      direct.close();
      direct = null;
    }
    directTried = false;
  }

  /** The calls that ran through TensorFlow's C API ({@link DirectRun}) since it was made (0 before the first call). */
  long directRuns() {
    DirectRun d = direct;
    return d == null ? 0 : d.runs();
  }

  /** The number of values of the variables this function reads or writes. */
  long weightValues() {
    return values(used);
  }

  /** The number of values of the variables this function writes. */
  long changedValues() {
    return values(changed);
  }

  private static long values(Variable[] vars) {
    long n = 0;
    for (Variable v : vars) {
      n += Math.max(0, v.shape().size());
    }
    return n;
  }

  @Override
  public List<Tensor> inputs() {
    return inputs;
  }

  @Override
  public List<Tensor> outputs() {
    return outputs;
  }

  @Override
  public List<NativeArray> call(List<NativeArray> feeds) {
    int[] all = new int[outputs.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return call(feeds, all);
  }

  @Override
  public List<NativeArray> call(List<NativeArray> feeds, int... fetch) {
    owner.checkOpen();
    if (feeds.size() != feedOutputs.length) {
      throw new IllegalArgumentException("The function takes " + feedOutputs.length + " inputs. Received: "
          + feeds.size());
    }
    for (int i : fetch) {
      if (fetchOutputs.length == 0) {
        throw new IllegalArgumentException("The function has no outputs to fetch. Received: fetch index " + i);
      }
      if (i < 0 || i >= fetchOutputs.length) {
        throw new IllegalArgumentException("Expected fetch indices from 0 to " + (fetchOutputs.length - 1)
            + ". Received: " + i);
      }
    }
    for (Variable v : used) {
      v.syncTo(owner);
    }
    owner.flushPushes();
    Session session = owner.liveSession();
    List<NativeArray> out;
    try {
      out = TFProfiler.enabled() ? null : directRun(session, feeds, fetch);
      if (out == null) {
        out = runnerRun(session, feeds, fetch);
      }
    } catch (RuntimeException e) {
      NodeOwners owners = owner.ownersIfMade();
      throw owners == null ? e : owners.explain(e);
    }
    for (Variable v : changed) {
      v.changedIn(owner);
    }
    return out;
  }

  /**
   * The run through {@link DirectRun}, or null where there is none (a graph of TF1 variables, whose initialisers
   * {@code Session.Runner} runs; a JVM that refuses its handles), it is closed, or another run holds it.
   */
  private List<NativeArray> directRun(Session session, List<NativeArray> feeds, int[] fetch) {
    DirectRun d = directTried ? direct : makeDirect(session);
    return d == null ? null : d.run(feeds, fetch);
  }

  private synchronized DirectRun makeDirect(Session session) {
    if (!directTried) {
      DirectRun d = owner.exports() ? null : DirectRun.create(session, feedOutputs, fetchOutputs, targets, options);
      if (d != null) {
        owner.onClose(d::close);
      }
      direct = d;
      directTried = true;
    }
    return direct;
  }

  private List<NativeArray> runnerRun(Session session, List<NativeArray> feeds, int[] fetch) {
    Session.Runner runner = session.runner();
    for (int i = 0; i < feedOutputs.length; i++) {
      runner.feed(feedOutputs[i], ((TFNativeArray) feeds.get(i)).tensor().asRawTensor());
    }
    for (int i : fetch) {
      runner.fetch(fetchOutputs[i]);
    }
    for (GraphOperation t : targets) {
      runner.addTarget(t);
    }
    List<NativeArray> out = new ArrayList<>(fetch.length);
    // the fetched tensors are handed to the caller, who closes them (closing the Result would free them)
    RunOptions o = options; // read once: the flush follows the options this run is given
    Result r;
    if (TFProfiler.enabled()) { // traced as it runs untraced: inline or on the pool
      runner.setOptions(o.toBuilder().mergeFrom(TFProfiler.options()).build());
      r = flushed(o, runner::runAndFetchMetadata);
      r.getMetadata().ifPresent(m -> TFProfiler.record(owner.graph(), m));
    } else { // no run metadata: its protocol-buffer classes stay unloaded
      r = flushed(o, runner.setOptions(o)::run);
    }
    for (int i = 0; i < fetch.length; i++) {
      out.add(new TFNativeArray(r.get(i)));
    }
    return out;
  }

  /**
   * {@code run}'s result, run with denormals flushed to zero where {@code o} runs the ops in the calling thread
   * ({@link DenormalFlush}), as TensorFlow's threads run them.
   */
  private static Result flushed(RunOptions o, Supplier<Result> run) {
    DenormalFlush flush = DenormalFlush.enterFor(o.getInterOpThreadPool() == -1);
    try {
      return run.get();
    } finally {
      DenormalFlush.exit(flush);
    }
  }
}
