package io.keras4j.backend.tensorflow;

import io.keras4j.backend.RnnResult;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.nn.BlockLSTM;
import org.tensorflow.op.nn.BlockLSTMGrad;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * {@link io.keras4j.backend.Ops#lstm}: an LSTM layer's whole recurrence as TensorFlow's fused CPU kernel
 * {@code BlockLSTMV2}, one op for all the time steps, and its gradient {@code BlockLSTMGradV2}; over a wide batch as
 * independent kernels over parts of it ({@link RnnChains}).
 *
 * <p>{@code BlockLSTMV2} computes Keras' LSTM cell: gates in Keras' order i, f, c, o from
 * {@code [x, h] · [kernel; recurrent_kernel] + bias}, sigmoid gates, tanh cell input and output, no forget bias, no
 * clipping and no peepholes. Measured at W5's shapes (LSTM(64), 200 steps of 8 features, batch 64; 2 cores of an
 * AMD Zen 3, where TensorFlow runs its Eigen kernels, docs/recurrence.md) it trains at about twice the speed of the
 * step loop (1.8x by the medians at steps_per_execution 1, 2.2x at 32), 1.5x with oneDNN forced on (as TensorFlow
 * has it on CPUs with AVX-512 VNNI or AMX), and predicts at 0.88x and 0.77x, so the LSTM layer uses it in training
 * only.
 *
 * <p>Keras equivalent: {@code keras.src.backend.tensorflow.rnn.lstm}, the fused path Keras' LSTM layer tries before
 * its step loop (cuDNN there, so on GPUs only; Keras on a CPU runs the loop). Porting note: TensorFlow's C gradient
 * code has no gradient for {@code BlockLSTMV2} (Python TensorFlow defines it in Python); keras4j registers one.
 */
final class TFLstm {
  private static boolean gradientRegistered;

  private TFLstm() {}

  /**
   * The recurrence over {@code sequences} (batch, time, features) from the states {@code h0}, {@code c0}; the
   * outputs in the order the steps ran (reversed with {@code goBackwards}), all of them when {@code all}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static RnnResult run(TFOps outer, Tensor sequences, Tensor h0, Tensor c0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, boolean goBackwards, boolean all) {
    registerGradient();
    outer.graph().noteRecurrence();
    Ops tf = outer.tf();
    Operand<TFloat32> x = (Operand) TFRnn.timeMajor(tf, TFMathOps.o(sequences), goBackwards);
    Operand<TFloat32> w = tf.concat(List.of((Operand<TFloat32>) TFMathOps.o(kernel),
        (Operand<TFloat32>) TFMathOps.o(recurrentKernel)), tf.constant(0));
    long units = recurrentKernel.shape().get(0);
    Operand<TFloat32> b = bias != null ? (Operand) TFMathOps.o(bias) : zeros(tf, 4 * units);
    List<Operand<?>> states = List.of(TFMathOps.o(h0), TFMathOps.o(c0));
    int n = RnnChains.count(x);
    TFRnn.Parts parts = n > 1
        ? RnnChains.run(outer, List.of(x), states, n, (xs, st) -> chain(tf, xs.get(0), st, w, b, units, all))
        : chain(tf, x, states, w, b, units, all);
    return parts.result(tf);
  }

  /** One kernel over time-major {@code x} from {@code states} (h, c): its last output, outputs and final states. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TFRnn.Parts chain(Ops tf, Operand x, List<Operand<?>> states, Operand<TFloat32> w,
      Operand<TFloat32> b, long units, boolean all) {
    Operand<TInt64> steps = tf.gather(tf.shape(x, TInt64.class), tf.constant(0), tf.constant(0));
    Operand<TFloat32> peephole = zeros(tf, units); // BlockLSTMV2 reads its peephole weights even when unused
    BlockLSTM<TFloat32> lstm = BlockLSTM.create(tf.scope(), steps, x, (Operand) states.get(1),
        (Operand) states.get(0), w, peephole, peephole, peephole, b);
    Operand<?> h = last(tf, lstm.h());
    Operand<?> c = last(tf, lstm.cs());
    return new TFRnn.Parts(h, all ? TFRnn.timeMajor(tf, lstm.h(), false) : null, List.of(h, c));
  }

  /** The last step of a time-major sequence. */
  private static Operand<?> last(Ops tf, Operand<TFloat32> seq) {
    return tf.stridedSlice(seq, tf.constant(new int[] {-1}), tf.constant(new int[] {0}), tf.constant(new int[] {1}),
        StridedSlice.endMask(1L), StridedSlice.shrinkAxisMask(1L));
  }

  private static Operand<TFloat32> zeros(Ops tf, long n) {
    return tf.zeros(tf.constant(new long[] {n}), TFloat32.class);
  }

  private static synchronized void registerGradient() {
    if (!gradientRegistered) {
      gradientRegistered = true;
      if (!org.tensorflow.TensorFlow.registerCustomGradient(BlockLSTM.OP_NAME, TFLstm::gradient)) {
        throw new IllegalStateException("Could not register keras4j's gradient of " + BlockLSTM.OP_NAME);
      }
    }
  }

  /**
   * {@code BlockLSTMGradV2} from the gradients of the cell states and outputs (outputs 1 and 6; zeros where none
   * reaches them), as Python TensorFlow's {@code _BlockLSTMGradV2}: the gradients of x, the initial c and h, the
   * weights, the peepholes and the bias; zeros for the step count.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> grads) {
    Operand[] in = new Operand[9];
    Arrays.setAll(in, op::input);
    Operand[] out = new Operand[7];
    Arrays.setAll(out, op::output);
    BlockLSTMGrad<TFloat32> g = BlockLSTMGrad.create(tf.scope(), in[0], in[1], in[2], in[3], in[4], in[5], in[6],
        in[7], in[8], out[0], out[1], out[2], out[3], out[4], out[5], out[6],
        (Operand) BackwardLoop.orZeros(tf, grads.get(1), out[1]), (Operand) BackwardLoop.orZeros(tf, grads.get(6),
        out[6]), false);
    List<Operand<?>> d = new ArrayList<>();
    d.add(tf.zerosLike(in[0])); // an integer input: TensorFlow Java wants a tensor where Python returns None
    d.addAll(List.of(g.xGrad(), g.csPrevGrad(), g.hPrevGrad(), g.wGrad(), g.wciGrad(), g.wcfGrad(), g.wcoGrad(),
        g.bGrad()));
    return d;
  }
}
