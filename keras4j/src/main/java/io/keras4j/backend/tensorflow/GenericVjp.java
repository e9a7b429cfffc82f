package io.keras4j.backend.tensorflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;

/**
 * The backward loop's step product by TensorFlow's gradients of the re-traced step: the step traced again at time t
 * from the saved states, the mask applied as the forward loop applies it, and the gradient of one scalar taken with
 * respect to the step's float inputs, its states before the step, the previous output (with a mask) and the float
 * tensors it captured. {@link BackwardLoop} uses it for a step without a {@link HandVjp hand product}.
 *
 * <p>Keras equivalent: what {@code tf.while_loop}'s gradient does for the body of
 * {@code keras.src.backend.tensorflow.rnn.rnn}: TensorFlow differentiates the step. Porting note: TensorFlow Java
 * has no gradient of a while loop, so keras4j writes the backward loop and differentiates each step itself.
 */
final class GenericVjp {
  private GenericVjp() {}

  /**
   * The gradients of the float inputs, of the states before the step, of the previous output (with a mask) and of
   * the float captures, in that order; zeros for those the step does not depend on. {@code dy} is the gradient of
   * the step's output, null when it was folded into its state's; {@code rows.savedT()} is not read.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Operand<?>> of(Ops ftf, TFBodyOps step, ForwardLoop f, HandVjp.Rows rows, List<Integer> floatXs,
      List<Integer> floatCaps, Operand dy, List<Operand<?>> dStates) {
    List<Operand<?>> xT = rows.xT();
    List<Operand<?>> sT = rows.sT();
    Operand pT = rows.pT();
    StepTrace trace = StepTrace.trace(step, ftf, f.step, xT, sT);
    if (step.capturedOuter().size() != f.captures.size()) {
      throw new IllegalStateException("An RNN step used other tensors when traced again for its gradient: "
          + f.captures.size() + " then " + step.capturedOuter().size());
    }
    StepTrace masked = trace.masked(ftf, rows.mT(), sT, pT, f.zeroOutputForMask);
    List<Operand<?>> caps = step.capturedInputs();

    List<Operand<?>> ys = new ArrayList<>();
    List<Operand<?>> dys = new ArrayList<>();
    if (dy != null) { // else the output is a state, whose gradient has the output's
      ys.add(masked.output());
      dys.add(dy);
    }
    ys.addAll(masked.states());
    dys.addAll(dStates);
    List<Operand<?>> wrt = new ArrayList<>();
    for (int k : floatXs) {
      wrt.add(xT.get(k));
    }
    wrt.addAll(sT);
    if (pT != null) {
      wrt.add(pT);
    }
    for (int c : floatCaps) {
      wrt.add(caps.get(c));
    }
    // the vector-Jacobian product as the gradient of one scalar, sum_i <ys_i, dys_i>: TensorFlow's gradients of
    // several ys where one y depends on another (a stacked cell's second state on its first new state) lose part
    // of the product; one y has no such ancestry
    Operand vjp = null;
    for (int i = 0; i < ys.size(); i++) {
      Operand prod = ftf.math.mul((Operand) ys.get(i), (Operand) dys.get(i));
      Operand term = ftf.sum(prod, ftf.range(ftf.constant(0), ftf.rank(prod), ftf.constant(1)));
      vjp = vjp == null ? term : ftf.math.add(vjp, term);
    }
    boolean[] used = used(wrt, vjp, f, floatCaps);
    List<Operand<?>> reached = new ArrayList<>();
    for (int i = 0; i < wrt.size(); i++) {
      if (used[i]) {
        reached.add(wrt.get(i));
      }
    }
    Gradients g = reached.isEmpty() ? null : ftf.gradients(vjp, reached);
    List<Operand<?>> d = new ArrayList<>();
    for (int i = 0, r = 0; i < wrt.size(); i++) {
      Output<?> gi = used[i] ? g.dy(r++) : null;
      d.add(gi == null || gi.op() == null ? ftf.zerosLike((Operand) wrt.get(i)) : gi);
    }
    return d;
  }

  /**
   * Which of {@code wrt} the product {@code vjp} depends on: TensorFlow refuses the derivative of any other. An input
   * or a state the step ignores gets zeros; a captured tensor (the last {@code floatCaps.size()}) that the forward
   * step used must be used again, else the step is refused.
   */
  private static boolean[] used(List<Operand<?>> wrt, Operand<?> vjp, ForwardLoop f, List<Integer> floatCaps) {
    Set<Operation> upstream = upstream(vjp.op());
    int firstCapture = wrt.size() - floatCaps.size();
    boolean[] used = new boolean[wrt.size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = upstream.contains(wrt.get(i).op());
      if (!used[i] && i >= firstCapture) {
        throw new IllegalStateException("An RNN step traced again for its gradient no longer uses the tensor "
            + f.captures.get(floatCaps.get(i - firstCapture)) + " that it used forwards. A cell that prepares tensors "
            + "for its steps before the loop (beforeLoop) must hand them back whenever a step is traced "
            + "(AbstractRNNCell.loopState and restoreLoopState)");
      }
    }
    return used;
  }

  /** {@code op} and every op it depends on through its inputs. */
  private static Set<Operation> upstream(Operation op) {
    Set<Operation> seen = new HashSet<>();
    Deque<Operation> todo = new ArrayDeque<>(List.of(op));
    while (!todo.isEmpty()) {
      Operation o = todo.pop();
      if (seen.add(o)) {
        for (Operand<?> in : ((GraphOperation) o).inputs()) {
          todo.push(in.op());
        }
      }
    }
    return seen;
  }
}
