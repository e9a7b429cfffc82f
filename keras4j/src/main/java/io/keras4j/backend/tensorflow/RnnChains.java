package io.keras4j.backend.tensorflow;

import io.keras4j.backend.BatchHint;
import io.keras4j.backend.RnnStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TInt32;

/**
 * A recurrence over a wide batch as independent loops over consecutive parts of the batch ("chains"), whose outputs
 * and final states are joined along the batch axis. The rows of a {@link RnnStep#rowwise} step never meet, so the
 * chains compute what one loop computes, and the weights' gradients are the sums of the chains' own (added in another
 * order: equal up to rounding). One loop is a long chain of small ops, each waiting on the one before, which runs on
 * one core at a time; two chains keep two cores busy, and the function that holds them runs on TensorFlow's inter-op
 * pool ({@link TFComputeGraph#noteChains}).
 *
 * <p>Measured on 2 cores of an Intel Xeon (W5: LSTM(64) or GRU(64) over 200 steps, docs/recurrence.md): at batch 64
 * training ran 1.44x (LSTM) and 1.33x (GRU) as fast as one loop run inline, prediction 1.46x and 1.35x; LSTM training
 * at batch 32 1.16x; below that the pool's hand-offs cost more than the second core gives (batch 16: 0.95x, batch 8:
 * 0.74x), hence {@link #MIN_ROWS}. On 2 cores of an AMD Zen 5 they gain less and still lose nowhere: at batch 64
 * LSTM training 1.05-1.23x, GRU training 1.12x, predictions 1.12-1.26x; batch 32 1.07x, batch 16 a tie.
 *
 * <p>Porting note: Keras has no equivalent; its TensorFlow backend runs one {@code tf.while_loop} on the inter-op
 * pool, which overlaps a step's independent ops but not the steps themselves.
 */
final class RnnChains {
  /** The batch size from which a recurrence runs as chains: the batch a chain gets is at least half of it. */
  static final int MIN_ROWS = 32;

  private RnnChains() {}

  /**
   * How many chains a recurrence of {@code step} over {@code timeMajor} (time, batch, ...) runs as: 1 unless the step
   * is {@link RnnStep#rowwise}; then 2 on a machine of 2 or more cores when the caller gave a {@link BatchHint} (fit,
   * evaluate, predict) and the batch (its static size, else the hint) is at least {@link #MIN_ROWS}. The system
   * property {@code keras4j.rnn.chains} sets the number for rowwise steps and fused LSTM kernels instead ("auto" by
   * default; 1: one loop or kernel).
   */
  static int count(RnnStep step, Operand<?> timeMajor) {
    return step.rowwise() ? count(timeMajor) : 1;
  }

  /** How many chains a recurrence whose rows never meet runs as over {@code timeMajor}: the rule of the above. */
  static int count(Operand<?> timeMajor) {
    String forced = System.getProperty("keras4j.rnn.chains", "auto").trim();
    if (!"auto".equals(forced)) {
      return forced(forced);
    }
    int hint = BatchHint.rows();
    long batch = staticBatch(timeMajor);
    long rows = hint <= 0 ? 0 : batch >= 0 ? batch : hint;
    return rows >= MIN_ROWS && Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
  }

  private static int forced(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("The system property keras4j.rnn.chains must be 'auto' or a whole number of "
        + "at least 1. Received: " + value);
  }

  /** Dimension 1 (the batch) of a time-major tensor, or -1 when unknown. */
  private static long staticBatch(Operand<?> timeMajor) {
    return timeMajor.shape().numDimensions() > 1 ? timeMajor.shape().size(1) : -1;
  }

  /**
   * The recurrence as {@code n} loops over consecutive parts of the batch, each on its own projection of its rows;
   * null when the step uses a tensor other than a weight's value or a constant (which may hold a row per sample, which
   * a part of the batch cannot use): the caller then runs one loop, and the first chain, already in the graph, is
   * left out of the variables' updates' waits, so that nothing runs it.
   */
  static TFRnn.Parts run(TFOps outer, RnnStep step, List<Operand<?>> timeMajor, Operand<?> mask,
      List<Operand<?>> states, boolean zeroOutputForMask, boolean all, int n) {
    Ops tf = outer.tf();
    int opsBefore = ReadUsers.opsIn(traceGraph(outer));
    Operand<TInt32> batch = tf.gather(tf.shape(timeMajor.get(0)), tf.constant(1), tf.constant(0));
    List<TFRnn.Parts> parts = new ArrayList<>();
    List<Operand<TInt32>> owned = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Operand<TInt32>[] span = span(tf, batch, k, n, owned);
      ForwardLoop loop = chain(outer, step, timeMajor, mask, states, zeroOutputForMask, all, span[0], span[1]);
      if (k == 0 && !capturesWeightsOnly(loop)) {
        outer.leaveOut(opsAfter(outer, opsBefore));
        return null;
      }
      parts.add(TFRnn.register(outer, loop));
    }
    outer.graph().noteChains();
    return joinParts(tf, parts, owned, staticBatch(timeMajor.get(0)));
  }

  /**
   * A recurrence that one kernel runs ({@link TFLstm}) as {@code n} such kernels over consecutive parts of the batch,
   * {@code chain} building one from its rows of the time-major inputs and of the initial states.
   */
  static TFRnn.Parts run(TFOps outer, List<Operand<?>> timeMajor, List<Operand<?>> states, int n,
      BiFunction<List<Operand<?>>, List<Operand<?>>, TFRnn.Parts> chain) {
    Ops tf = outer.tf();
    Operand<TInt32> batch = tf.gather(tf.shape(timeMajor.get(0)), tf.constant(1), tf.constant(0));
    List<TFRnn.Parts> parts = new ArrayList<>();
    List<Operand<TInt32>> owned = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Operand<TInt32>[] span = span(tf, batch, k, n, owned);
      parts.add(chain.apply(rows(tf, timeMajor, 1, span[0], span[1]), rows(tf, states, 0, span[0], span[1])));
    }
    outer.graph().noteChains();
    return joinParts(tf, parts, owned, staticBatch(timeMajor.get(0)));
  }

  /**
   * The first and the end row of chain {@code k} of {@code n}, adding the number of rows it owns to {@code owned}. A
   * chain that would own no row (a batch smaller than the number of chains) runs on one row of the batch, whose
   * results are dropped: a loop over an empty batch is avoided, as some kernels mishandle one (oneDNN's convolution
   * returns its input).
   */
  @SuppressWarnings("unchecked")
  private static Operand<TInt32>[] span(Ops tf, Operand<TInt32> batch, int k, int n, List<Operand<TInt32>> owned) {
    Operand<TInt32> from = bound(tf, batch, k, n);
    Operand<TInt32> to = bound(tf, batch, k + 1, n);
    owned.add(tf.math.sub(to, from));
    Operand<TInt32> begin = tf.math.maximum(tf.math.minimum(from, tf.math.sub(batch, tf.constant(1))), tf.constant(0));
    Operand<TInt32> end = tf.math.minimum(tf.math.maximum(to, tf.math.add(begin, tf.constant(1))), batch);
    return new Operand[] {begin, end};
  }

  /** The forward loop over rows {@code begin} to {@code end - 1} of the batch. */
  private static ForwardLoop chain(TFOps outer, RnnStep step, List<Operand<?>> timeMajor, Operand<?> mask,
      List<Operand<?>> states, boolean zeroOutputForMask, boolean all, Operand<TInt32> begin, Operand<TInt32> end) {
    Ops tf = outer.tf();
    List<Operand<?>> xs = TFRnn.project(step, rows(tf, timeMajor, 1, begin, end));
    Operand<?> m = mask == null ? null : rows(tf, List.of(mask), 1, begin, end).get(0);
    return ForwardLoop.build(outer, step, xs, m, rows(tf, states, 0, begin, end), zeroOutputForMask, all);
  }

  /** The first row of part {@code k} of {@code n}: {@code batch * k / n}. */
  private static Operand<TInt32> bound(Ops tf, Operand<TInt32> batch, int k, int n) {
    return tf.math.div(tf.math.mul(batch, tf.constant(k)), tf.constant(n));
  }

  /** Rows {@code begin} to {@code end - 1} of each of {@code xs} along {@code axis} (0 or 1). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> rows(Ops tf, List<Operand<?>> xs, int axis, Operand<TInt32> begin,
      Operand<TInt32> end) {
    Operand<TInt32> one = tf.constant(new int[] {1});
    Operand<TInt32> b = axis == 0 ? tf.reshape(begin, one) : tf.stack(List.of(tf.constant(0), begin));
    Operand<TInt32> e = axis == 0 ? tf.reshape(end, one) : tf.stack(List.of(tf.constant(0), end));
    Operand<TInt32> strides = tf.constant(axis == 0 ? new int[] {1} : new int[] {1, 1});
    long everyStep = axis == 1 ? 1L : 0L; // axis 1: all of dimension 0 (the time steps)
    List<Operand<?>> out = new ArrayList<>();
    for (Operand<?> x : xs) {
      out.add(tf.stridedSlice((Operand) x, b, e, strides, StridedSlice.beginMask(everyStep),
          StridedSlice.endMask(everyStep)));
    }
    return out;
  }

  /** Whether every tensor of the model's graph that the loop's step uses is a weight's value or a constant. */
  private static boolean capturesWeightsOnly(ForwardLoop loop) {
    Set<Output<?>> weights = new HashSet<>();
    for (Operand<?> read : loop.reads.values()) {
      weights.add(read.asOutput());
    }
    for (Output<?> c : loop.captures) {
      if (!weights.contains(c) && !"Const".equals(c.op().type())) {
        return false;
      }
    }
    return true;
  }

  /** The graph {@code outer} adds its ops to: the model's, or a loop body's function graph (steps_per_execution). */
  private static org.tensorflow.Graph traceGraph(TFOps outer) {
    return (org.tensorflow.Graph) outer.tf().scope().env();
  }

  /** The ops of {@code outer}'s trace graph after its first {@code skip} (in creation order). */
  private static Set<GraphOperation> opsAfter(TFOps outer, int skip) {
    Set<GraphOperation> out = new HashSet<>();
    Iterator<GraphOperation> it = traceGraph(outer).operations();
    for (int i = 0; it.hasNext(); i++) {
      GraphOperation op = it.next();
      if (i >= skip) {
        out.add(op);
      }
    }
    return out;
  }

  /**
   * The rows each chain owns ({@code owned}: the first rows of its results) of its last outputs, outputs and final
   * states, joined along the batch axis in order; of static batch {@code batch} when it is known.
   */
  private static TFRnn.Parts joinParts(Ops tf, List<TFRnn.Parts> parts, List<Operand<TInt32>> owned, long batch) {
    Operand<?> last = joinRows(tf, parts, owned, TFRnn.Parts::last, batch);
    Operand<?> all = parts.get(0).outputs() == null ? null : joinRows(tf, parts, owned, TFRnn.Parts::outputs, batch);
    List<Operand<?>> states = new ArrayList<>();
    for (int s = 0; s < parts.get(0).states().size(); s++) {
      int at = s;
      states.add(joinRows(tf, parts, owned, p -> p.states().get(at), batch));
    }
    return new TFRnn.Parts(last, all, states);
  }

  /** One result of every chain, its owned rows (the first: a view), joined along the batch axis. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> joinRows(Ops tf, List<TFRnn.Parts> parts, List<Operand<TInt32>> owned,
      Function<TFRnn.Parts, Operand<?>> result, long batch) {
    List<Operand> pieces = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      pieces.add(rows(tf, List.of(result.apply(parts.get(k))), 0, tf.constant(0), owned.get(k)).get(0));
    }
    Operand joined = tf.concat((List) pieces, tf.constant(0));
    long[] dims = joined.shape().isUnknown() ? new long[0] : joined.shape().asArray();
    int unknown = 0;
    for (int i = 1; i < dims.length; i++) {
      unknown += dims[i] < 0 ? 1 : 0;
    }
    if (batch < 0 || dims.length == 0 || unknown > 1) {
      return joined;
    }
    dims[0] = batch; // the slices lost the static batch size: a reshape restores it
    return tf.reshape(joined, tf.constant(dims));
  }
}
