package io.keras4j.backend.tensorflow;

import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * The backward loop's step product from the step's own {@link RnnStep#vjp} (LSTMCell's, GRUCell's analytic
 * derivatives) instead of TensorFlow's gradients of the re-traced step, with the mask applied as the forward loop
 * applies it: a masked step passes the gradients of its output and states on to the previous output and states.
 *
 * <p>{@code -Dkeras4j.rnn.handVjp=false} (read when a backward loop is built) turns the hand products off.
 *
 * <p>Porting note: Keras on TensorFlow has {@code tf.while_loop}'s gradient differentiate the step; this is keras4j's
 * shorter backward body for the cells whose derivatives it knows.
 */
final class HandVjp {
  private HandVjp() {}

  /**
   * The backward step's rows at time t: the inputs, the states before the step, the tensors the step saved for its
   * product (empty when none), the previous output (null without a mask) and the mask (null without one).
   */
  record Rows(List<Operand<?>> xT, List<Operand<?>> sT, List<Operand<?>> savedT, Operand<?> pT, Operand<?> mT) {}

  /**
   * The gradients of the float inputs, of the states before the step, of the previous output (with a mask) and of
   * the float captures, in the order of {@link GenericVjp}'s product; null when the step has no hand
   * product or its product misses a captured float tensor. A captured gradient left to the backward loop's end (a
   * {@link RnnStep.Vjp#capturedProducts} product of a state and an input's gradient) is null in the list and put in
   * {@code summed}: its position among the float captures, to {state, position among the float inputs}. {@code dy}
   * is null when the output's gradient was folded into its state's (see {@link RnnStep#vjp}).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Operand<?>> of(Ops ftf, TFBodyOps step, ForwardLoop f, Rows rows, List<Integer> floatXs,
      List<Integer> floatCaps, Operand dy, List<Operand<?>> dStates, Map<Integer, int[]> summed) {
    List<Operand<?>> xT = rows.xT();
    List<Operand<?>> sT = rows.sT();
    Operand pT = rows.pT();
    Operand mT = rows.mT();
    if ("false".equals(System.getProperty("keras4j.rnn.handVjp"))) {
      return null;
    }
    Operand dyStep = mT == null ? dy : ftf.select(StepTrace.expand(ftf, mT, dy), dy, ftf.zerosLike(dy));
    List<Tensor> dNew = new ArrayList<>();
    for (Operand ds : dStates) {
      dNew.add(TFMathOps.t(mT == null ? ds : ftf.select(StepTrace.expand(ftf, mT, ds), ds, ftf.zerosLike(ds))));
    }
    RnnStep.Vjp v = step.tracing(() -> f.step.vjp(tensors(xT), tensors(sT), tensors(rows.savedT()),
        dyStep == null ? null : TFMathOps.t(dyStep), dNew));
    if (v == null) {
      return null;
    }
    if (step.capturedOuter().size() != f.captures.size()) {
      throw new IllegalStateException("An RNN step's vector-Jacobian product used tensors its step did not: "
          + f.captures.size() + " then " + step.capturedOuter().size());
    }
    List<Operand<?>> d = new ArrayList<>();
    for (int k : floatXs) {
      d.add(orZeros(ftf, step, v.inputs().get(k), xT.get(k)));
    }
    List<Operand<?>> caps = step.capturedInputs();
    List<Operand<?>> dCaps = new ArrayList<>();
    Map<Integer, int[]> found = new java.util.HashMap<>();
    for (int c = 0; c < floatCaps.size(); c++) {
      Operand<?> cap = caps.get(floatCaps.get(c));
      Operand g = captured(ftf, step, v.captured(), cap);
      List<Tensor> product = product(step, v.capturedProducts(), cap);
      if (product != null) {
        Operand a = operand(step, product.get(0));
        Operand b = operand(step, product.get(1));
        int[] at = g == null ? summedAt(a, b, sT, d) : null;
        if (at != null) {
          found.put(c, at);
        } else {
          Operand ab = ftf.linalg.matMul((Operand) inTypeOf(ftf, a, cap), (Operand) inTypeOf(ftf, b, cap),
              org.tensorflow.op.linalg.MatMul.transposeA(true));
          g = g == null ? ab : ftf.math.add(g, ab);
        }
      } else if (g == null) {
        return null;
      }
      dCaps.add(g);
    }
    summed.putAll(found);
    for (int s = 0; s < sT.size(); s++) {
      Operand ds = orZeros(ftf, step, v.states().get(s), sT.get(s));
      if (mT != null) {
        Operand kept = (Operand) dStates.get(s);
        ds = ftf.math.add(ds, ftf.select(StepTrace.expand(ftf, mT, kept), ftf.zerosLike(kept), kept));
      }
      d.add(ds);
    }
    if (pT != null) {
      d.add(f.zeroOutputForMask ? ftf.zerosLike(dy)
          : ftf.select(StepTrace.expand(ftf, mT, dy), ftf.zerosLike(dy), dy));
    }
    d.addAll(dCaps);
    return d;
  }

  /**
   * {state, float input} when {@code a} is the state row {@code sT[state]} and {@code b} the gradient of the float
   * input at that position ({@code dXs[input]}), both (batch, n): then the backward loop sums aᵀ · b over the steps
   * as one product of its buffers; else null.
   */
  private static int[] summedAt(Operand<?> a, Operand<?> b, List<Operand<?>> sT, List<Operand<?>> dXs) {
    if (a.shape().numDimensions() != 2 || b.shape().numDimensions() != 2 || a.shape().size(1) < 0
        || b.shape().size(1) < 0) {
      return null;
    }
    for (int s = 0; s < sT.size(); s++) {
      for (int k = 0; k < dXs.size(); k++) {
        if (sT.get(s).asOutput().equals(a.asOutput()) && dXs.get(k).asOutput().equals(b.asOutput())) {
          return new int[] {s, k};
        }
      }
    }
    return null;
  }

  /** The product pair the vector-Jacobian product gives for the captured input {@code cap}, or null. */
  private static List<Tensor> product(TFBodyOps step, Map<Tensor, List<Tensor>> products, Operand<?> cap) {
    for (Map.Entry<Tensor, List<Tensor>> e : products.entrySet()) {
      if (standsFor(operand(step, e.getKey()), cap)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The gradient the product gives for the captured input {@code cap}, in its type, or null. */
  private static Operand<?> captured(Ops ftf, TFBodyOps step, Map<Tensor, Tensor> grads, Operand<?> cap) {
    for (Map.Entry<Tensor, Tensor> e : grads.entrySet()) {
      if (standsFor(operand(step, e.getKey()), cap)) {
        return inTypeOf(ftf, operand(step, e.getValue()), cap);
      }
    }
    return null;
  }

  /**
   * Whether the step's tensor {@code used} is the captured input {@code cap}, or {@code cap} cast: under a mixed
   * policy the step reads a float32 weight cast to the compute dtype (AutocastScope), and the weight's gradient is
   * the cast's, cast back (TensorFlow's gradient of Cast).
   */
  private static boolean standsFor(Operand<?> used, Operand<?> cap) {
    org.tensorflow.Output<?> u = used.asOutput();
    return u.equals(cap.asOutput()) || u.op().type().equals("Cast")
        && ((org.tensorflow.GraphOperation) u.op()).input(0).equals(cap.asOutput());
  }

  /** {@code x} cast to the type of {@code like} when it differs. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> inTypeOf(Ops ftf, Operand x, Operand<?> like) {
    return x.type() == like.type() ? x : ftf.dtypes.cast(x, (Class) like.type());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> orZeros(Ops ftf, TFBodyOps step, Tensor grad, Operand<?> like) {
    return grad == null ? ftf.zerosLike((Operand) like) : operand(step, grad);
  }

  private static Operand<?> operand(TFBodyOps step, Tensor t) {
    return step.tracing(() -> TFMathOps.o(t));
  }

  private static List<Tensor> tensors(List<Operand<?>> operands) {
    List<Tensor> out = new ArrayList<>();
    for (Operand<?> o : operands) {
      out.add(TFMathOps.t(o));
    }
    return out;
  }
}
