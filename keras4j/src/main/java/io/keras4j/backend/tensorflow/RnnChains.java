package io.keras4j.backend.tensorflow;

import io.keras4j.backend.BatchHint;
import io.keras4j.backend.RnnStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TInt32;

/**
 * A recurrence over a wide batch as independent loops over consecutive parts of the batch ("chains"), whose outputs
 * and final states are joined along the batch axis: the rows of a batch never meet inside a recurrence, so the
 * chains compute what one loop computes, and the weights' gradients are the sum of the chains' own. A recurrence is
 * a long chain of small ops, each waiting on the one before, which one loop runs on one core at a time; two chains
 * keep two cores busy, and the function that holds them runs on TensorFlow's inter-op pool
 * ({@link TFComputeGraph#noteChains}).
 *
 * <p>Measured on 2 cores of an Intel Xeon (W5: LSTM(64) or GRU(64) over 200 steps, docs/recurrence.md), training
 * at batch 64 ran 1.44x (LSTM) and 1.33x (GRU) as fast as one loop run inline, prediction 1.47x and 1.35x; LSTM
 * training at batch 32 1.16x; below that the pool's hand-offs cost more than the second core gives (batch 16: 0.95x,
 * batch 8: 0.74x), hence {@link #MIN_ROWS}.
 *
 * <p>Porting note: Keras on TensorFlow runs one {@code tf.while_loop} on TensorFlow's inter-op pool, which overlaps
 * a step's independent ops but not the steps themselves.
 */
final class RnnChains {
  /** The batch size from which a recurrence runs as chains: the batch a chain gets is at least half of it. */
  static final int MIN_ROWS = 32;

  private RnnChains() {}

  /**
   * How many chains a recurrence over {@code timeMajor} (time, batch, ...) runs as: 2 on a machine of 2 or more cores
   * when the batch (its static size, else {@link BatchHint}) is at least {@link #MIN_ROWS} and the caller gave a hint
   * (fit, evaluate, predict), else 1. The system property {@code keras4j.rnn.chains} sets the number instead (1: one
   * loop always).
   */
  static int count(Operand<?> timeMajor) {
    String forced = System.getProperty("keras4j.rnn.chains", "auto");
    if (!"auto".equals(forced)) {
      int n = Integer.parseInt(forced.trim());
      if (n < 1) {
        throw new IllegalArgumentException("keras4j.rnn.chains must be 'auto' or at least 1. Received: " + forced);
      }
      return n;
    }
    int hint = BatchHint.rows();
    long batch = timeMajor.shape().numDimensions() > 1 ? timeMajor.shape().size(1) : -1;
    long rows = hint <= 0 ? 0 : batch >= 0 ? batch : hint;
    return rows >= MIN_ROWS && Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
  }

  /**
   * The recurrence as {@code n} loops over consecutive parts of the batch, each on its own projection of its rows;
   * null when the step captures a tensor other than a weight (a dropout mask drawn for the whole batch, for example),
   * which a part of the batch cannot use: the caller then runs one loop.
   */
  static TFRnn.Parts run(TFOps outer, RnnStep step, List<Operand<?>> timeMajor, Operand<?> mask,
      List<Operand<?>> states, boolean zeroOutputForMask, boolean all, int n) {
    Ops tf = outer.tf();
    Operand<TInt32> batch = tf.gather(tf.shape(timeMajor.get(0)), tf.constant(1), tf.constant(0));
    List<TFRnn.Parts> parts = new ArrayList<>();
    List<Operand<TInt32>> owned = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Operand<TInt32> from = bound(tf, batch, k, n);
      Operand<TInt32> to = bound(tf, batch, k + 1, n);
      owned.add(tf.math.sub(to, from));
      // a chain that owns no row (a batch smaller than n) runs on one row of the batch and its result is dropped: a
      // loop over an empty batch is avoided, as some kernels mishandle one (oneDNN's convolution returns its input)
      Operand<TInt32> first = tf.math.maximum(tf.math.minimum(from, tf.math.sub(batch, tf.constant(1))),
          tf.constant(0));
      Operand<TInt32> last = tf.math.minimum(tf.math.maximum(to, tf.math.add(first, tf.constant(1))), batch);
      List<Operand<?>> xs = TFRnn.project(step, rows(tf, timeMajor, 1, first, last));
      Operand<?> m = mask == null ? null : rows(tf, List.of(mask), 1, first, last).get(0);
      ForwardLoop loop = ForwardLoop.build(outer, step, xs, m, rows(tf, states, 0, first, last), zeroOutputForMask,
          all);
      if (k == 0 && !capturesWeightsOnly(loop)) {
        return null; // left in the graph unused, and never run
      }
      parts.add(TFRnn.register(outer, loop));
    }
    outer.graph().noteChains();
    return join(tf, parts, owned);
  }

  /** The first row of part {@code k} of {@code n}: {@code batch * k / n}. */
  private static Operand<TInt32> bound(Ops tf, Operand<TInt32> batch, int k, int n) {
    return tf.math.div(tf.math.mul(batch, tf.constant(k)), tf.constant(n));
  }

  /** Rows {@code from} to {@code to - 1} of each of {@code xs} along {@code axis} (0 or 1). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> rows(Ops tf, List<Operand<?>> xs, int axis, Operand<TInt32> from,
      Operand<TInt32> to) {
    Operand<TInt32> begin = axis == 0 ? tf.reshape(from, tf.constant(new int[] {1}))
        : tf.stack(List.of(tf.constant(0), from));
    Operand<TInt32> end = axis == 0 ? tf.reshape(to, tf.constant(new int[] {1})) : tf.stack(List.of(tf.constant(0), to));
    Operand<TInt32> strides = tf.constant(axis == 0 ? new int[] {1} : new int[] {1, 1});
    long everyStep = axis == 1 ? 1L : 0L; // axis 1: all of dimension 0 (the time steps)
    List<Operand<?>> out = new ArrayList<>();
    for (Operand<?> x : xs) {
      out.add(tf.stridedSlice((Operand) x, begin, end, strides, StridedSlice.beginMask(everyStep),
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

  /**
   * The rows each chain owns ({@code owned}: the first rows of its results) of its last outputs, outputs and final
   * states, joined along the batch axis in order.
   */
  private static TFRnn.Parts join(Ops tf, List<TFRnn.Parts> parts, List<Operand<TInt32>> owned) {
    Operand<?> last = joined(tf, parts, owned, TFRnn.Parts::last);
    Operand<?> all = parts.get(0).outputs() == null ? null : joined(tf, parts, owned, TFRnn.Parts::outputs);
    List<Operand<?>> states = new ArrayList<>();
    for (int s = 0; s < parts.get(0).states().size(); s++) {
      int at = s;
      states.add(joined(tf, parts, owned, p -> p.states().get(at)));
    }
    return new TFRnn.Parts(last, all, states);
  }

  /** One result of every chain, its owned rows (a view: the first rows), joined along the batch axis. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> joined(Ops tf, List<TFRnn.Parts> parts, List<Operand<TInt32>> owned,
      java.util.function.Function<TFRnn.Parts, Operand<?>> result) {
    List<Operand> pieces = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      pieces.add(rows(tf, List.of(result.apply(parts.get(k))), 0, tf.constant(0), owned.get(k)).get(0));
    }
    return tf.concat((List) pieces, tf.constant(0));
  }
}
