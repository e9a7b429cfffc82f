package io.keras4j.backend.tensorflow;

import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.StatelessWhile;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;

/**
 * The forward loop of {@link TFRnn}: one {@code StatelessWhile} whose body runs the step at time {@code t}, applies
 * the mask as Keras does, and writes the step's output and the states before the step into buffers of (time, batch,
 * ...), which the backward loop reads.
 *
 * <p>Loop variables, in order: t, steps, states, inputs (time-major), mask, previous output (unless {@link
 * #carriesPrev} is false), outputs buffer (when all outputs are returned), state buffers, previous-output buffer (with a mask), buffers of the tensors the step saved
 * for its vector-Jacobian product ({@link RnnStep.Output#saved}, when it saves any), captured tensors.
 */
final class ForwardLoop {
  final TFOps outer;
  final RnnStep step;
  final List<Operand<?>> xs;
  final Operand<?> mask;
  final List<Operand<?>> initialStates;
  final boolean zeroOutputForMask;
  final boolean all;
  final Operand<TInt32> steps;
  final Operand<TInt32> batch;
  /**
   * The autocast scope the step was traced in (a mixed policy's compute dtype, or null): the backward loop traces the
   * step's vector-Jacobian product in it again, so that its weights are read as the forward step read them.
   */
  final String autocast = io.keras4j.backend.AutocastScope.current();
  List<Output<?>> captures;
  Map<Variable, Operand<?>> reads;
  Shape outputShape;
  /** The (batch, n) shapes of the tensors the step saves for its vector-Jacobian product (empty when none). */
  final List<Shape> savedShapes = new ArrayList<>();
  /** The loop variables' types and shapes, in order. */
  List<LoopVars.Spec> specs;
  /** The position of the state that is the step's output itself (LSTM's and GRU's h), or -1. */
  int outputState = -1;
  /**
   * Whether the previous output is a loop variable: not when the step's output is one of its states and there is
   * neither mask nor sequence of outputs (nothing reads it: the last output is that state's final value).
   */
  boolean carriesPrev = true;
  /** The backward loop, once gradients were asked for. */
  BackwardLoop backward;
  private List<Output<?>> results;
  private List<Operand<?>> inputs;
  private String name;

  private ForwardLoop(TFOps outer, RnnStep step, List<Operand<?>> xs, Operand<?> mask, List<Operand<?>> states,
      boolean zeroOutputForMask, boolean all) {
    this.outer = outer;
    this.step = step;
    this.xs = xs;
    this.mask = mask;
    this.initialStates = states;
    this.zeroOutputForMask = zeroOutputForMask;
    this.all = all;
    Ops tf = outer.tf();
    Operand<TInt32> shape = tf.shape(xs.get(0));
    this.steps = tf.gather(shape, tf.constant(0), tf.constant(0));
    this.batch = tf.gather(shape, tf.constant(1), tf.constant(0));
  }

  /** Builds the loop in {@code outer}'s graph. */
  static ForwardLoop build(TFOps outer, RnnStep step, List<Operand<?>> xs, Operand<?> mask, List<Operand<?>> states,
      boolean zeroOutputForMask, boolean all) {
    ForwardLoop loop = new ForwardLoop(outer, step, xs, mask, states, zeroOutputForMask, all);
    loop.create();
    return loop;
  }

  int nStates() {
    return initialStates.size();
  }

  boolean masked() {
    return mask != null;
  }

  // ---- positions of the loop variables ----
  int iStates() {
    return 2;
  }

  int iXs() {
    return 2 + nStates();
  }

  int iMask() {
    return iXs() + xs.size();
  }

  int iPrev() {
    return iMask() + (masked() ? 1 : 0);
  }

  int iOut() {
    return iPrev() + (carriesPrev ? 1 : 0);
  }

  int iHist() {
    return iOut() + (all ? 1 : 0);
  }

  int iHistPrev() {
    return iHist() + nStates();
  }

  int iSaved() {
    return iHistPrev() + (masked() ? 1 : 0);
  }

  int nSaved() {
    return savedShapes.size();
  }

  int iCaps() {
    return iSaved() + nSaved();
  }

  String name() {
    return name;
  }

  Operand<?> lastOutput() {
    return results.get(carriesPrev ? iPrev() : iStates() + outputState);
  }

  Operand<?> outputs() {
    return results.get(iOut());
  }

  List<Operand<?>> finalStates() {
    return new ArrayList<>(results.subList(iStates(), iStates() + nStates()));
  }

  /** The loop's input values, in order. */
  List<Operand<?>> inputs() {
    return inputs;
  }

  Operand<?> result(int i) {
    return results.get(i);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void create() {
    specs = new ArrayList<>();
    ConcreteFunction body = ConcreteFunction.create(ftf -> traceBody(ftf, specs));
    ConcreteFunction cond = LoopVars.lessThanCond(specs, 0, 1);
    Ops tf = outer.tf();
    List<Operand<?>> in = new ArrayList<>();
    in.add(tf.constant(0));
    in.add(steps);
    in.addAll(initialStates);
    in.addAll(xs);
    if (masked()) {
      in.add(mask);
    }
    if (carriesPrev) {
      in.add(TFRnn.zerosOf(tf, batch, outputShape, specs.get(iPrev()).type(), "output"));
    }
    if (all) {
      in.add(TFRnn.buffer(tf, TFRnn.rowsShape(tf, steps, batch, outputShape, "output"), specs.get(iOut()).type()));
    }
    for (int s = 0; s < nStates(); s++) {
      Shape shape = initialStates.get(s).shape();
      in.add(TFRnn.buffer(tf, TFRnn.rowsShape(tf, steps, batch, shape, "state"), specs.get(iHist() + s).type()));
    }
    if (masked()) {
      in.add(TFRnn.buffer(tf, TFRnn.rowsShape(tf, steps, batch, outputShape, "output"), specs.get(iOut()).type()));
    }
    for (int k = 0; k < nSaved(); k++) {
      in.add(TFRnn.buffer(tf, TFRnn.rowsShape(tf, steps, batch, savedShapes.get(k), "saved tensor"),
          specs.get(iSaved() + k).type()));
    }
    in.addAll((List) captures);
    inputs = in;
    StatelessWhile loop = TFRnn.loop(tf, "rnn_forward", in, cond, body);
    name = loop.op().name();
    NodeOwners.noteFunction(outer, body, null, name);
    results = loop.output();
    body.close();
    cond.close();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Signature traceBody(Ops ftf, List<LoopVars.Spec> specs) {
    List<Operand<?>> args = new ArrayList<>();
    Placeholder<TInt32> t = ftf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    Placeholder<TInt32> count = ftf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    args.add(t);
    args.add(count);
    List<Operand<?>> states = LoopVars.placeholders(ftf, initialStates);
    List<Operand<?>> seqs = LoopVars.placeholders(ftf, xs);
    args.addAll(states);
    args.addAll(seqs);
    Operand<TBool> m = masked() ? ftf.placeholder(TBool.class, Placeholder.shape(mask.shape())) : null;
    if (m != null) {
      args.add(m);
    }
    TFBodyOps body = new TFBodyOps(outer, ftf, Map.of());
    LoopVars.Index ix = LoopVars.index(ftf, t);
    StepTrace trace = StepTrace.trace(body, ftf, step, LoopVars.rows(ftf, seqs, ix), states);
    outputShape = trace.output().shape();
    for (int k = 0; k < trace.states().size() && outputState < 0; k++) {
      if (trace.states().get(k).asOutput().equals(trace.output().asOutput())) {
        outputState = k;
      }
    }
    carriesPrev = m != null || all || outputState < 0;
    Operand prev = carriesPrev ? ftf.placeholder(trace.output().type(), Placeholder.shape(outputShape)) : null;
    Operand maskT = m == null ? null : LoopVars.row(ftf, m, ix);
    StepTrace masked = trace.masked(ftf, maskT, states, prev, zeroOutputForMask);
    if (carriesPrev) {
      args.add(prev);
    }
    List<Operand<?>> outs = new ArrayList<>();
    outs.add(ftf.math.add(t, ftf.constant(1)));
    outs.add(ftf.identity(count));
    outs.addAll(masked.states());
    for (Operand<?> x : seqs) {
      outs.add(ftf.identity((Operand) x));
    }
    if (m != null) {
      outs.add(ftf.identity(m));
    }
    if (carriesPrev) {
      outs.add(masked.output());
    }
    if (all) {
      Operand buf = ftf.placeholder(trace.output().type(), Placeholder.shape(LoopVars.rowsOf(outputShape)));
      args.add(buf);
      outs.add(LoopVars.writeRow(ftf, buf, ix, masked.output()));
    }
    for (Operand<?> s : states) {
      Operand buf = ftf.placeholder(((Operand) s).type(), Placeholder.shape(LoopVars.rowsOf(s.shape())));
      args.add(buf);
      outs.add(LoopVars.writeRow(ftf, buf, ix, s));
    }
    if (m != null) {
      Operand buf = ftf.placeholder(trace.output().type(), Placeholder.shape(LoopVars.rowsOf(outputShape)));
      args.add(buf);
      outs.add(LoopVars.writeRow(ftf, buf, ix, prev));
    }
    for (Operand<?> v : trace.saved()) {
      Operand buf = ftf.placeholder(((Operand) v).type(), Placeholder.shape(LoopVars.rowsOf(v.shape())));
      args.add(buf);
      outs.add(LoopVars.writeRow(ftf, buf, ix, v));
      savedShapes.add(v.shape());
    }
    captures = body.capturedOuter();
    reads = body.variableReads();
    for (Operand<?> c : body.capturedInputs()) {
      args.add(c);
      outs.add(ftf.identity((Operand) c));
    }
    return LoopVars.signature(args, outs, specs);
  }
}
