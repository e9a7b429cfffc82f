package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnResult;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.NestedSaveables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recurrent layer: runs a cell over the time axis of (batch, time, features) sequences.
 *
 * <p>Keras equivalent: {@code keras.layers.RNN(cell, return_sequences=False, return_state=False,
 * go_backwards=False, stateful=False, unroll=False, zero_output_for_mask=False)} (keras/src/layers/rnn/rnn.py), the
 * base of SimpleRNN, LSTM and GRU. Inputs: the sequences, then optionally the initial states (Keras'
 * {@code initial_state=}), one (batch, size) tensor per state:
 * <pre>{@code
 * KerasTensor x = Input.of(10, 8), h0 = Input.of(16), c0 = Input.of(16);
 * List<KerasTensor> out = new LSTM(16).returnState(true).apply(List.of(x, h0, c0)); // output, h, c
 * }</pre>
 * The time loop is {@link Ops#rnn}. A mask on the sequences (from Embedding's mask_zero or Masking) makes masked
 * steps keep the previous states. Porting note: Keras' {@code layer(x, initial_state=[h, c])} is
 * {@code layer.apply(List.of(x, h, c))}; a functional model saves them as Keras' {@code initial_state} keyword.
 *
 * @param <T> the concrete layer
 */
public abstract class BaseRNN<T extends BaseRNN<T>> extends BaseLayer<T> implements NestedSaveables {
  private final AbstractRNNCell<?> cell;
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private boolean stateful;
  private boolean unroll;
  private boolean zeroOutputForMask;
  private List<Variable> states;

  protected BaseRNN(AbstractRNNCell<?> cell) {
    this.cell = track(require(cell, "cell"));
    supportsMasking(true);
  }

  /** The cell (Keras' {@code cell}). */
  public AbstractRNNCell<?> cell() {
    return cell;
  }

  /** Sets whether the output is every step's output, (batch, time, units), or the last (Keras' {@code return_sequences=}). Default false. */
  public T returnSequences(boolean returnSequences) {
    checkNotBuilt("return_sequences");
    this.returnSequences = returnSequences;
    return self();
  }

  /** Sets whether the final states follow the output (Keras' {@code return_state=}). Default false. */
  public T returnState(boolean returnState) {
    checkNotBuilt("return_state");
    this.returnState = returnState;
    return self();
  }

  /** Sets whether the sequence runs from its last step (Keras' {@code go_backwards=}). Default false. */
  public T goBackwards(boolean goBackwards) {
    checkNotBuilt("go_backwards");
    this.goBackwards = goBackwards;
    return self();
  }

  /**
   * Sets whether the final states of a batch are the initial states of the next (Keras' {@code stateful=}); the
   * batch size must then be fixed ({@code batchSize}, or an Input with a batch shape). Default false.
   */
  public T stateful(boolean stateful) {
    checkNotBuilt("stateful");
    this.stateful = stateful;
    return self();
  }

  /** Sets whether the loop is unrolled, one copy of the step per time step (Keras' {@code unroll=}). Default false. */
  public T unroll(boolean unroll) {
    checkNotBuilt("unroll");
    this.unroll = unroll;
    return self();
  }

  /** Sets whether masked steps output zeros rather than the previous output (Keras' {@code zero_output_for_mask=}). Default false. */
  public T zeroOutputForMask(boolean zeroOutputForMask) {
    this.zeroOutputForMask = zeroOutputForMask;
    return self();
  }

  public boolean returnSequences() {
    return returnSequences;
  }

  public boolean returnState() {
    return returnState;
  }

  public boolean goBackwards() {
    return goBackwards;
  }

  public boolean stateful() {
    return stateful;
  }

  public boolean unroll() {
    return unroll;
  }

  public boolean zeroOutputForMask() {
    return zeroOutputForMask;
  }

  /** The state variables of a stateful layer once built (Keras' {@code states}), else null. */
  public List<Variable> states() {
    return states;
  }

  /** Sets the states of a stateful layer back to zeros (Keras' {@code reset_states()}). */
  public void resetStates() {
    resetState();
  }

  /** Sets the states of a stateful layer back to zeros (Keras' {@code reset_state()}). */
  public void resetState() {
    if (states != null) {
      for (Variable v : states) {
        v.assign(new float[(int) v.shape().size()]);
      }
    }
  }

  @Override
  protected void build(List<Shape> shapes) {
    Shape seq = shapes.get(0);
    checkInitialStates(shapes.size() - 1);
    if (seq.rank() < 3) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected ndim=3, found ndim=" + seq.rank() + ". Full shape received: " + seq);
    }
    long[] d = seq.dims();
    long[] step = new long[d.length - 1];
    step[0] = d[0];
    System.arraycopy(d, 2, step, 1, d.length - 2);
    boolean cellWasBuilt = cell.built();
    cell.buildCell(Shape.of(step));
    if (!cellWasBuilt) {
      for (Variable v : cell.weights()) {
        v.path(name() + "/" + v.path()); // Keras' lstm/lstm_cell/kernel
      }
    }
    if (stateful) {
      if (d[0] < 0) {
        throw new IllegalArgumentException("When using `stateful=True` in a RNN, the batch size must be static. "
            + "Found dynamic batch size: sequence.shape=" + seq);
      }
      states = new ArrayList<>();
      for (int size : cell.stateSize()) {
        Variable v = new Variable("rnn_state", Shape.of(d[0], size), "float32", false, new float[(int) d[0] * size]);
        v.path(name() + "/rnn_state");
        states.add(v);
      }
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
    Ops ops = ops();
    Tensor sequences = inputs.get(0);
    Tensor mask = masks.isEmpty() ? null : masks.get(0);
    List<Tensor> initial;
    if (inputs.size() > 1) {
      checkInitialStates(inputs.size() - 1);
      initial = new ArrayList<>(inputs.subList(1, inputs.size()));
    } else if (stateful) {
      initial = new ArrayList<>();
      for (Variable v : states) {
        initial.add(ops.read(v));
      }
    } else {
      initial = cell.getInitialState(ops.dimension(sequences, 0));
    }
    if (stateful) {
      long expected = states.get(0).shape().get(0);
      long actual = sequences.shape().get(0);
      if (actual >= 0 && actual != expected) {
        throw new IllegalArgumentException("If an RNN is stateful, the batch size of the input sequences must be the "
            + "same as the batch size of the initial state. \n- Expected batch size: " + expected
            + "\n- Received batch size: " + actual);
      }
    }
    if (unroll && sequences.shape().get(1) < 0) {
      throw new IllegalArgumentException("Cannot unroll a RNN if the time dimension is undefined. Layer '" + name()
          + "' received input of shape " + sequences.shape());
    }
    RnnResult result = unroll || mask != null ? null : fused(ops, sequences, initial, training);
    if (result == null) {
      cell.beforeLoop(firstStep(ops, sequences), initial, training);
      try {
        result = ops.rnn(step(sequences, training), List.of(sequences), initial, mask, goBackwards, unroll,
            zeroOutputForMask, returnSequences);
      } finally {
        cell.afterLoop();
      }
    }
    if (stateful) {
      for (int i = 0; i < states.size(); i++) {
        ops.assign(states.get(i), result.states().get(i));
      }
    }
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? result.outputs() : result.lastOutput());
    if (returnState) {
      for (Tensor state : result.states()) {
        out.add(ops.identity(state)); // a tensor of its own: h is also the output
      }
    }
    return out;
  }

  /**
   * The whole recurrence (no mask, not unrolled) as one fused kernel of the backend, or null for the cell's step loop
   * (Keras' {@code LSTM.inner_loop} trying {@code backend.lstm} first). None by default; {@link LSTM} has one.
   */
  protected RnnResult fused(Ops ops, Tensor sequences, List<Tensor> initial, boolean training) {
    return null;
  }

  /**
   * The cell's step for this call: projected before the loop when the cell can, marked rowwise when it is, and
   * reading this call's loop state (dropout masks) whenever it is traced, also for its gradient after the call.
   */
  private RnnStep step(Tensor sequences, boolean training) {
    Object state = cell.loopState();
    RnnStep step = !cell.projectsSequence(sequences, training)
        ? (in, st) -> cell.withLoopState(state, () -> cell.call(in.get(0), st, training))
        : RnnStep.withProjection(RnnStep.withVjp(
            (in, st) -> cell.withLoopState(state, () -> cell.callProjected(in.get(0), st, training)),
            (in, st, saved, dOut, dSt) -> cell.withLoopState(state,
                () -> cell.callProjectedVjp(in.get(0), st, saved, dOut, dSt, training))),
            seqs -> cell.withLoopState(state, () -> List.of(cell.projectSequence(seqs.get(0), training))));
    return cell.rowwise(training) ? RnnStep.rowwise(step) : step;
  }

  private void checkInitialStates(int given) {
    int states = cell.stateSize().length;
    if (given != 0 && given != states) {
      throw new IllegalArgumentException("Layer '" + name() + "' has " + states + " state(s) but was passed "
          + given + " initial state tensor(s)");
    }
  }

  /** {@code sequences[:, 0]}. */
  private static Tensor firstStep(Ops ops, Tensor sequences) {
    int[] begin = new int[sequences.rank()];
    int[] size = new int[sequences.rank()];
    java.util.Arrays.fill(size, -1);
    size[1] = 1;
    return ops.squeeze(ops.slice(sequences, begin, size), 1);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape seq = in.get(0);
    long batch = seq.get(0);
    List<Shape> out = new ArrayList<>();
    out.add(returnSequences ? Shape.of(batch, seq.get(1), cell.outputSize()) : Shape.of(batch, cell.outputSize()));
    if (returnState) {
      for (int size : cell.stateSize()) {
        out.add(Shape.of(batch, size));
      }
    }
    return out;
  }

  /** The sequences' mask with {@code return_sequences}, none otherwise; none for the states (Keras' compute_mask). */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? mask : null);
    if (returnState) {
      for (int i = 0; i < cell.stateSize().length; i++) {
        out.add(null);
      }
    }
    return out;
  }

  /** The cell, saved under {@code cell} as Keras does ({@code layers/lstm/cell/vars/0}). */
  @Override
  public Map<String, Object> nestedSaveables() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cell", cell);
    return m;
  }

  /**
   * Keras' build config: {@code shapes_dict} with {@code sequences_shape} and {@code initial_state_shape} when the
   * layer was built with initial states, else null (the plain {@code input_shape} form).
   */
  public Map<String, Object> buildConfig() {
    List<Shape> shapes = buildShapes();
    if (shapes == null || shapes.size() < 2) {
      return null;
    }
    List<Object> initial = new ArrayList<>();
    for (Shape s : shapes.subList(1, shapes.size())) {
      initial.add(s.toJson());
    }
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("sequences_shape", shapes.get(0).toJson());
    dict.put("initial_state_shape", initial);
    return Map.of("shapes_dict", dict);
  }

  /** The keys of Keras' RNN config, after the base layer's. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("return_sequences", returnSequences);
    c.put("return_state", returnState);
    c.put("go_backwards", goBackwards);
    c.put("stateful", stateful);
    c.put("unroll", unroll);
    c.put("zero_output_for_mask", zeroOutputForMask);
    return c;
  }

  /** Reads Keras' RNN keys of a config into {@code layer}. */
  static <L extends BaseRNN<L>> L readRnnConfig(L layer, io.keras4j.saving.Config c) {
    return layer.returnSequences(c.bool("return_sequences", false)).returnState(c.bool("return_state", false))
        .goBackwards(c.bool("go_backwards", false)).stateful(c.bool("stateful", false))
        .unroll(c.bool("unroll", false)).zeroOutputForMask(c.bool("zero_output_for_mask", false));
  }
}
