package io.keras4j.backend.tensorflow;

import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * One trace of an RNN step inside a loop body: its output and new states, and the same after the mask; and the
 * tensors the step saved for its vector-Jacobian product ({@link RnnStep.Output#saved}), which the mask leaves alone.
 *
 * <p>Keras equivalent: the body of the while loop in {@code keras.src.backend.tensorflow.rnn.rnn}: with a mask, a
 * masked step keeps the previous states and gives the previous output (zeros with {@code zero_output_for_mask}).
 */
record StepTrace(Operand<?> output, List<Operand<?>> states, List<Operand<?>> saved) {
  /** Traces {@code step} on {@code inputs} (the step's inputs at one time) and {@code states} with {@code body}. */
  static StepTrace trace(TFBodyOps body, Ops ftf, RnnStep step, List<Operand<?>> inputs, List<Operand<?>> states) {
    RnnStep.Output out = body.tracing(() -> step.apply(tensors(inputs), tensors(states)));
    if (out.states().size() != states.size()) {
      throw new IllegalArgumentException("An RNN step must return as many states as it receives: expected "
          + states.size() + ", received " + out.states().size());
    }
    List<Operand<?>> next = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      next.add(operand(body, out.states().get(i)));
    }
    List<Operand<?>> saved = new ArrayList<>();
    for (Tensor t : out.saved()) {
      saved.add(operand(body, t));
    }
    return new StepTrace(operand(body, out.output()), next, saved);
  }

  /** The output and states after the mask {@code maskT} (batch,) of this step, or this trace without a mask. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  StepTrace masked(Ops ftf, Operand maskT, List<Operand<?>> previousStates, Operand previousOutput,
      boolean zeroOutputForMask) {
    if (maskT == null) {
      return this;
    }
    Operand otherwise = zeroOutputForMask ? ftf.zerosLike(output) : previousOutput;
    Operand out = ftf.select(expand(ftf, maskT, output), output, otherwise);
    List<Operand<?>> kept = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      Operand s = states.get(i);
      kept.add(ftf.select(expand(ftf, maskT, s), s, (Operand) previousStates.get(i)));
    }
    return new StepTrace(out, kept, saved);
  }

  /** The (batch,) mask with trailing axes of size 1 up to {@code x}'s rank (Select broadcasts). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand expand(Ops ftf, Operand mask, Operand<?> x) {
    Operand m = mask;
    for (int r = 1; r < x.shape().numDimensions(); r++) {
      m = ftf.expandDims(m, ftf.constant(-1));
    }
    return m;
  }

  private static List<Tensor> tensors(List<Operand<?>> operands) {
    List<Tensor> out = new ArrayList<>();
    for (Operand<?> o : operands) {
      out.add(TFMathOps.t(o));
    }
    return out;
  }

  /** A step's result as an operand of the body (a tensor it returns unchanged from outside is captured). */
  private static Operand<?> operand(TFBodyOps body, Tensor t) {
    return body.tracing(() -> TFMathOps.o(t));
  }
}
