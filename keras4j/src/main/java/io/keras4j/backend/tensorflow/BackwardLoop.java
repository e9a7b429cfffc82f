package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.StatelessWhile;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;

/**
 * The gradient of a {@link ForwardLoop}: a second loop over the steps from the last to the first that re-traces the
 * step at time t from the saved states, and takes its vector-Jacobian product with TensorFlow's gradients: the
 * gradient of the step's inputs, of the states before it, and of every tensor the step captured (weights), summed
 * over the steps.
 *
 * <p>Loop variables, in order: j (steps done), steps, d states, d previous output (unless folded, see
 * {@link #carryPrev}), d inputs buffers (float inputs), d captured (float captures whose gradient is not summed after
 * the loop), d outputs (when all outputs are returned), state buffers, previous-output buffer (with a mask), buffers
 * of the tensors the step saved for its product, inputs, mask, captured tensors. Every loop variable costs a few
 * control-flow ops at every step (the loop runs lowered to dataflow), so the loop carries none it can do without.
 */
final class BackwardLoop {
  private static final Set<String> FLOATS = Set.of("float32", "float64", "float16", "bfloat16");
  private final ForwardLoop f;
  private final List<Integer> floatXs = new ArrayList<>();
  private final List<Integer> floatCaps = new ArrayList<>();
  /** Each captured tensor's type, read before TensorFlow's gradient construction locks the graph. */
  private final List<Class<? extends org.tensorflow.types.family.TType>> captureTypes = new ArrayList<>();
  private final List<LoopVars.Spec> specs = new ArrayList<>();
  /** The float captures whose gradient is summed after the loop: position, to {state, float input position}. */
  private final java.util.Map<Integer, int[]> summed = new java.util.HashMap<>();
  /**
   * Whether the gradient of the previous output is a loop variable: as {@link ForwardLoop#carriesPrev}. Not when the
   * step's output is one of its states (LSTM's and GRU's h) and there is neither mask nor sequence of outputs: then
   * the last output is that state's final value, whose gradient has the output's, and the steps get no gradient of
   * their output but through their states (a vector-Jacobian product with a null {@code dOutput}), instead of a
   * variable that is zeros after the first step.
   */
  private final boolean carryPrev;
  /** The positions among the float captures of those whose gradient is a loop variable (not {@link #summed}). */
  private final List<Integer> carriedCaps = new ArrayList<>();
  /**
   * Whether each state buffer and each input sequence is a loop variable: not those whose rows the backward step does
   * not read (LSTM's with its saved gates reads neither its projected inputs nor h, whose share, the recurrent
   * kernel's gradient, is summed after the loop). Found by a first trace of the body; the rows of those left out are
   * stand-ins of their shape that nothing reads, which TensorFlow prunes.
   */
  private boolean[] keepHist;
  private boolean[] keepSeq;
  /** Whether the last trace read each state buffer's and each input sequence's rows. */
  private boolean[] readHist;
  private boolean[] readSeq;
  private final String bodyName;
  private final String condName;

  /**
   * Traces the backward loop's body and condition for {@code f} and adds them to the graph's functions. Runs before
   * TensorFlow builds the gradients: while it does, the graph is locked and no function can be added to it.
   */
  BackwardLoop(ForwardLoop f, org.tensorflow.Graph graph) {
    this.f = f;
    for (int k = 0; k < f.xs.size(); k++) {
      if (isFloat(f.xs.get(k))) {
        floatXs.add(k);
      }
    }
    for (int c = 0; c < f.captures.size(); c++) {
      captureTypes.add(f.captures.get(c).type());
      if (isFloat(f.captures.get(c))) {
        floatCaps.add(c);
      }
    }
    carryPrev = f.carriesPrev;
    for (int c = 0; c < floatCaps.size(); c++) {
      carriedCaps.add(c);
    }
    keepHist = all(f.nStates());
    keepSeq = all(f.xs.size());
    ConcreteFunction first = ConcreteFunction.create(this::traceBody);
    boolean[] histRead = readHist;
    boolean[] seqRead = readSeq;
    if (!summed.isEmpty() || !java.util.Arrays.equals(histRead, keepHist)
        || !java.util.Arrays.equals(seqRead, keepSeq)) {
      // traced again without loop variables for the gradients summed after the loop and for unread buffers
      first.close();
      java.util.Set<Integer> found = new java.util.HashSet<>(summed.keySet());
      carriedCaps.removeAll(found);
      keepHist = histRead;
      keepSeq = seqRead;
      summed.clear();
      specs.clear();
      first = ConcreteFunction.create(this::traceBody);
      if (!summed.keySet().equals(found) || !java.util.Arrays.equals(readHist, histRead)
          || !java.util.Arrays.equals(readSeq, seqRead)) {
        throw new IllegalStateException("An RNN step's vector-Jacobian product changed when traced again");
      }
    }
    try (ConcreteFunction body = first;
        ConcreteFunction cond = LoopVars.lessThanCond(specs, 0, 1)) {
      graph.attachFunction(body);
      graph.attachFunction(cond);
      bodyName = body.getDefinedName();
      condName = cond.getDefinedName();
    }
  }

  private static boolean[] all(int n) {
    boolean[] out = new boolean[n];
    java.util.Arrays.fill(out, true);
    return out;
  }

  private static boolean isFloat(Operand<?> o) {
    return FLOATS.contains(DTypes.name(o.type()));
  }

  /**
   * The gradients of the forward loop's inputs, given those of its outputs ({@code grads}; null where none); builds
   * the backward loop with {@code tf}, inside TensorFlow's gradient construction.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  List<Operand<?>> gradients(Ops tf, List<Output<?>> grads) {
    int nS = f.nStates();
    List<Operand<?>> in = new ArrayList<>();
    in.add(tf.constant(0));
    in.add(f.steps);
    for (int s = 0; s < nS; s++) {
      // without a previous-output variable, the last output is the output state's final value: its gradient has the
      // last output's
      in.add(orZeros(tf, grads.get(f.iStates() + s), f.result(f.iStates() + s)));
    }
    if (carryPrev) {
      in.add(orZeros(tf, grads.get(f.iPrev()), f.lastOutput()));
    }
    for (int k : floatXs) {
      in.add(TFRnn.buffer(tf, tf.shape(f.xs.get(k)), f.xs.get(k).type()));
    }
    for (int c : carriedCaps) {
      in.add(tf.zerosLike((Operand) f.captures.get(floatCaps.get(c))));
    }
    if (f.all) {
      in.add(orZeros(tf, grads.get(f.iOut()), f.outputs()));
    }
    for (int s = 0; s < nS; s++) {
      if (keepHist[s]) {
        in.add(f.result(f.iHist() + s));
      }
    }
    if (f.masked()) {
      in.add(f.result(f.iHistPrev()));
    }
    for (int k = 0; k < f.nSaved(); k++) {
      in.add(f.result(f.iSaved() + k));
    }
    for (int k = 0; k < f.xs.size(); k++) {
      if (keepSeq[k]) {
        in.add(f.xs.get(k));
      }
    }
    if (f.masked()) {
      in.add(f.mask);
    }
    in.addAll((List) f.captures);
    org.tensorflow.Operation op = TFRnn.loopOp(tf.scope().opBuilder(StatelessWhile.OP_NAME, "rnn_backward"), in)
        .setAttr("cond", function(condName))
        .setAttr("body", function(bodyName))
        .build();
    return results(tf, new StatelessWhile(op).output());
  }

  /** The position of the first input gradient buffer among the loop's variables. */
  private int posDXs() {
    return 2 + f.nStates() + (carryPrev ? 1 : 0);
  }

  /**
   * The gradient of the {@link #summed} capture {@code c} (its position among the float captures): the sum over the
   * steps of {@code state[t]ᵀ · dInput[t]}, one product of the state buffer and the input gradient buffer, each as
   * (steps * batch, n).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Operand<?> summedGradient(Ops tf, List<Output<?>> out, int c) {
    int[] at = summed.get(c);
    Operand states = flat(tf, f.result(f.iHist() + at[0]), width(f.iHist() + at[0]));
    Operand dInput = flat(tf, out.get(posDXs() + at[1]), width(f.iXs() + floatXs.get(at[1])));
    Class type = captureTypes.get(floatCaps.get(c));
    if (type != f.specs.get(f.iHist() + at[0]).type()) { // a mixed policy's step: summed in the weight's float32
      states = tf.dtypes.cast(states, type);
      dInput = tf.dtypes.cast(dInput, type);
    }
    return tf.linalg.matMul(states, dInput, org.tensorflow.op.linalg.MatMul.transposeA(true));
  }

  /**
   * The last dimension of the forward loop's variable {@code i}, from its recorded spec: inside TensorFlow's gradient
   * construction the graph is locked, and asking an operand for its shape would wait on that lock.
   */
  private long width(int i) {
    Shape shape = f.specs.get(i).shape();
    return shape.size(shape.numDimensions() - 1);
  }

  /** (steps, batch, n) as (steps * batch, n). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> flat(Ops tf, Operand x, long n) {
    return tf.reshape(x, tf.constant(new long[] {-1, n}));
  }

  private static org.tensorflow.proto.AttrValue function(String name) {
    return org.tensorflow.proto.AttrValue.newBuilder()
        .setFunc(org.tensorflow.proto.NameAttrList.newBuilder().setName(name)).build();
  }

  /**
   * The forward loop's input gradients from the backward loop's final values; zeros for the inputs that have none
   * (TensorFlow Java takes no null gradient; nothing runs them, as nothing trainable lies behind those inputs).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Operand<?>> results(Ops tf, List<Output<?>> out) {
    int nS = f.nStates();
    Operand<?>[] g = new Operand<?>[f.iCaps() + f.captures.size()];
    for (int s = 0; s < nS; s++) {
      g[f.iStates() + s] = out.get(2 + s);
    }
    if (carryPrev) {
      g[f.iPrev()] = out.get(2 + nS);
    }
    int pos = posDXs();
    for (int k : floatXs) {
      g[f.iXs() + k] = out.get(pos++);
    }
    for (int c = 0; c < floatCaps.size(); c++) {
      g[f.iCaps() + floatCaps.get(c)] = carriedCaps.contains(c) ? out.get(pos++) : summedGradient(tf, out, c);
    }
    List<Operand<?>> forwardInputs = f.inputs();
    for (int i = 0; i < g.length; i++) {
      if (g[i] == null) {
        g[i] = tf.zerosLike((Operand) forwardInputs.get(i));
      }
    }
    return Arrays.asList(g);
  }

  /** The specs of the loop variables before the captured tensors, from the forward loop's. */
  private List<LoopVars.Spec> plainSpecs() {
    List<LoopVars.Spec> fs = f.specs;
    LoopVars.Spec scalar = new LoopVars.Spec(TInt32.class, Shape.scalar());
    List<LoopVars.Spec> out = new ArrayList<>(List.of(scalar, scalar));
    for (int s = 0; s < f.nStates(); s++) {
      out.add(fs.get(f.iStates() + s));
    }
    if (carryPrev) {
      out.add(fs.get(f.iPrev()));
    }
    for (int k : floatXs) {
      out.add(fs.get(f.iXs() + k));
    }
    for (int c : carriedCaps) {
      out.add(fs.get(f.iCaps() + floatCaps.get(c)));
    }
    if (f.all) {
      out.add(fs.get(f.iOut()));
    }
    for (int s = 0; s < f.nStates(); s++) {
      if (keepHist[s]) {
        out.add(fs.get(f.iHist() + s));
      }
    }
    if (f.masked()) {
      out.add(fs.get(f.iHistPrev()));
    }
    for (int k = 0; k < f.nSaved(); k++) {
      out.add(fs.get(f.iSaved() + k));
    }
    for (int k = 0; k < f.xs.size(); k++) {
      if (keepSeq[k]) {
        out.add(fs.get(f.iXs() + k));
      }
    }
    if (f.masked()) {
      out.add(fs.get(f.iMask()));
    }
    return out;
  }

  /** The body traced in the forward step's autocast scope: a mixed policy's weights are read in its compute dtype. */
  private Signature traceBody(Ops ftf) {
    return io.keras4j.backend.AutocastScope.run(f.autocast, () -> traceBodyInScope(ftf));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Signature traceBodyInScope(Ops ftf) {
    int nS = f.nStates();
    List<Operand<?>> args = new ArrayList<>();
    for (LoopVars.Spec spec : plainSpecs()) {
      args.add(ftf.placeholder((Class) spec.type(), Placeholder.shape(spec.shape())));
    }
    int pos = 0;
    Operand<TInt32> j = (Operand<TInt32>) args.get(pos++);
    Operand<TInt32> count = (Operand<TInt32>) args.get(pos++);
    List<Operand<?>> dStates = new ArrayList<>(args.subList(pos, pos + nS));
    pos += nS;
    Operand dPrev = carryPrev ? args.get(pos++) : null;
    List<Operand<?>> dXs = new ArrayList<>(args.subList(pos, pos + floatXs.size()));
    pos += floatXs.size();
    List<Operand<?>> dCaps = new ArrayList<>(args.subList(pos, pos + carriedCaps.size()));
    pos += carriedCaps.size();
    int invariants = pos;
    Operand dOut = f.all ? args.get(pos++) : null;
    List<Operand<?>> sT = new ArrayList<>();
    List<Operand<?>> hist = new ArrayList<>();
    for (int s = 0; s < nS; s++) {
      hist.add(keepHist[s] ? args.get(pos++) : null);
    }
    Operand histPrev = f.masked() ? args.get(pos++) : null;
    List<Operand<?>> saved = new ArrayList<>(args.subList(pos, pos + f.nSaved()));
    pos += f.nSaved();
    List<Operand<?>> seqs = new ArrayList<>();
    for (int k = 0; k < f.xs.size(); k++) {
      seqs.add(keepSeq[k] ? args.get(pos++) : null);
    }
    Operand<TBool> mask = f.masked() ? (Operand<TBool>) args.get(pos) : null;

    Operand<TInt32> t = ftf.math.sub(ftf.math.sub(count, ftf.constant(1)), j);
    LoopVars.Index ix = LoopVars.index(ftf, t);
    List<Operand<?>> xT = LoopVars.rowsOrStandIns(ftf, seqs, ix, f.specs, f.iXs());
    sT = LoopVars.rowsOrStandIns(ftf, hist, ix, f.specs, f.iHist());
    Operand pT = histPrev == null ? null : LoopVars.row(ftf, histPrev, ix);
    TFBodyOps step = new TFBodyOps(f.outer, ftf, f.reads);
    step.precapture(f.captures);
    Operand mT = mask == null ? null : LoopVars.row(ftf, mask, ix);
    // null when folded into the output state's gradient (no mask, no outputs sequence)
    Operand dy = dOut == null ? dPrev : ftf.math.add(LoopVars.row(ftf, dOut, ix), dPrev);
    List<Operand<?>> savedT = LoopVars.rows(ftf, saved, ix);
    HandVjp.Rows rows = new HandVjp.Rows(xT, sT, savedT, pT, mT);
    List<Operand<?>> d = HandVjp.of(ftf, step, f, rows, floatXs, floatCaps, dy, dStates, summed);
    if (d == null) {
      d = GenericVjp.of(ftf, step, f, rows, floatXs, floatCaps, dy, dStates);
    }
    List<Operand<?>> caps = step.capturedInputs();
    readHist = LoopVars.read(sT);
    readSeq = LoopVars.read(xT);

    List<Operand<?>> outs = new ArrayList<>();
    outs.add(ftf.math.add(j, ftf.constant(1)));
    outs.add(ftf.identity(count));
    int di = floatXs.size();
    for (int s = 0; s < nS; s++) {
      outs.add(d.get(di++));
    }
    if (carryPrev) {
      outs.add(pT != null ? d.get(di++) : ftf.zerosLike(dPrev));
    }
    for (int k = 0; k < floatXs.size(); k++) {
      outs.add(LoopVars.writeRow(ftf, dXs.get(k), ix, d.get(k)));
    }
    int carried = 0;
    for (int c = 0; c < floatCaps.size(); c++) {
      Operand dc = d.get(di++);
      if (carriedCaps.contains(c)) {
        Operand acc = dCaps.get(carried++);
        outs.add(dc == null ? ftf.identity(acc) : ftf.math.add(acc, dc));
      } else if (dc != null) {
        throw new IllegalStateException("A captured tensor's gradient summed after the loop has a share per step");
      }
    }
    for (int i = invariants; i < args.size(); i++) {
      outs.add(ftf.identity((Operand) args.get(i)));
    }
    args.addAll(caps);
    for (Operand<?> c : caps) {
      outs.add(ftf.identity((Operand) c));
    }
    return LoopVars.signature(args, outs, specs);
  }

  /** {@code grad}, or zeros like {@code like} where no gradient reaches that output (null, or TensorFlow's none). */
  static Operand<?> orZeros(Ops tf, Output<?> grad, Operand<?> like) {
    if (grad == null || grad.op() == null) {
      return tf.zerosLike((Operand) like);
    }
    return grad;
  }
}
