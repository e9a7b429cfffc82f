package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.proto.RunOptions;

/**
 * A function traced into a {@link TFComputeGraph}: its placeholders, outputs, updates and the variables it reads and
 * writes, run in one {@code Session.run} per call.
 *
 * <p>Keras equivalent: a {@code tf.function} of Keras' TensorFlow trainer, called with the step's data.
 */
final class TFFunction implements TracedFunction {
  /** TensorFlow's run options that execute a run's ops in the calling thread ({@code inter_op_thread_pool = -1}). */
  private static final RunOptions INLINE = RunOptions.newBuilder().setInterOpThreadPool(-1).build();
  private final TFComputeGraph owner;
  private final List<Tensor> inputs;
  private final List<Tensor> outputs;
  private final List<Op> updates;
  private final Variable[] used;
  private final Variable[] changed;
  /** Whether a run executes its ops in the calling thread; set when traced ({@code TFComputeGraph.trace}). */
  boolean inline = true;

  TFFunction(TFComputeGraph owner, TFOps ops, List<Tensor> outputs) {
    this.owner = owner;
    this.inputs = List.copyOf(ops.placeholders());
    this.outputs = outputs;
    // one NoOp depending on every update: a single target per run (TensorFlow keys its executors by targets)
    this.updates = ops.updates().isEmpty() ? List.of()
        : List.of(owner.tf().withControlDependencies(new ArrayList<>(ops.updates())).noOp());
    Set<Variable> all = new LinkedHashSet<>(ops.readVariables());
    all.addAll(ops.assignedVariables());
    this.used = all.toArray(new Variable[0]);
    this.changed = ops.assignedVariables().toArray(new Variable[0]);
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
  public List<io.keras4j.backend.NativeArray> call(List<io.keras4j.backend.NativeArray> feeds) {
    int[] all = new int[outputs.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return call(feeds, all);
  }

  @Override
  public List<io.keras4j.backend.NativeArray> call(List<io.keras4j.backend.NativeArray> feeds, int... fetch) {
    owner.checkOpen();
    if (feeds.size() != inputs.size()) {
      throw new IllegalArgumentException("The function takes " + inputs.size() + " inputs. Received: " + feeds.size());
    }
    for (Variable v : used) {
      v.syncTo(owner);
    }
    owner.flushPushes();
    Session.Runner runner = owner.liveSession().runner();
    for (int i = 0; i < feeds.size(); i++) {
      runner.feed(((TFTensor) inputs.get(i)).operand(), ((TFNativeArray) feeds.get(i)).tensor());
    }
    for (int i : fetch) {
      runner.fetch(((TFTensor) outputs.get(i)).operand());
    }
    for (Op u : updates) {
      runner.addTarget(u);
    }
    List<io.keras4j.backend.NativeArray> out = new ArrayList<>(fetch.length);
    // the fetched tensors are handed to the caller, who closes them (closing the Result would free them)
    Result r;
    if (TFProfiler.enabled()) { // traced as it runs untraced: inline or on the pool
      runner.setOptions(inline ? TFProfiler.options().toBuilder().setInterOpThreadPool(-1).build()
          : TFProfiler.options());
      r = runner.runAndFetchMetadata();
      r.getMetadata().ifPresent(m -> TFProfiler.record(owner.graph(), m));
    } else { // no run metadata: its protocol-buffer classes stay unloaded
      r = inline ? runner.setOptions(INLINE).run() : runner.run();
    }
    for (int i = 0; i < fetch.length; i++) {
      out.add(new TFNativeArray(r.get(i)));
    }
    for (Variable v : changed) {
      v.changedIn(owner);
    }
    return out;
  }
}
