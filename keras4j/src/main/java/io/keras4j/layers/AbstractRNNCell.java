package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The cell protocol of the recurrent layers: one time step from the inputs at that step and the previous states.
 *
 * <p>Keras equivalent: what {@code keras.layers.RNN} expects of its {@code cell} (keras/src/layers/rnn/rnn.py): a
 * layer with {@code call(inputs, states, training) -> (output, new_states)}, {@code state_size}, {@code output_size}
 * and {@code get_initial_state(batch_size)}; tf.keras named that protocol {@code AbstractRNNCell}. A cell of your
 * own:
 * <pre>{@code
 * class MinimalRNNCell extends AbstractRNNCell<MinimalRNNCell> {
 *   Variable kernel, recurrent;
 *   public int[] stateSize() { return new int[] {4}; }
 *   protected void build(Shape s) {
 *     kernel = addWeight("kernel", Shape.of(s.get(-1), 4), "glorot_uniform", null, null, true);
 *     recurrent = addWeight("recurrent_kernel", Shape.of(4, 4), "orthogonal", null, null, true);
 *   }
 *   public RnnStep.Output call(Tensor x, List<Tensor> states, boolean training) {
 *     Ops ops = Backend.ops();
 *     Tensor h = ops.add(ops.matmul(x, ops.read(kernel)), ops.matmul(states.get(0), ops.read(recurrent)));
 *     return new RnnStep.Output(h, List.of(h));
 *   }
 * }
 * Layer rnn = new RNN(new MinimalRNNCell());
 * }</pre>
 * Porting note: a step runs inside {@link Ops#rnn}'s loop: read weights with {@code ops.read} in
 * {@link #call(Tensor, List, boolean)}, and create no variables, assign none and draw no random numbers there (draw
 * them before the loop, as {@link DropoutRNNCell} does). States are a flat list: a cell's {@code state_size} list.
 *
 * @param <T> the concrete cell, for the setters' return
 */
public abstract class AbstractRNNCell<T extends AbstractRNNCell<T>> extends BaseLayer<T> {

  /** The size of each state, (batch, size) tensors (Keras' {@code state_size}: an int or a list of ints). */
  public abstract int[] stateSize();

  /** The size of the output of a step (Keras' {@code output_size}); by default the first state's size. */
  public int outputSize() {
    return stateSize()[0];
  }

  /**
   * One step: the output and the new states from {@code inputs} (batch, features) and the previous
   * {@code states} (Keras' cell {@code call(inputs, states, training)}).
   */
  public abstract RnnStep.Output call(Tensor inputs, List<Tensor> states, boolean training);

  /**
   * The states before the first step, one (batch, size) tensor per state (Keras' {@code get_initial_state}); by
   * default zeros. {@code batchSize} is a scalar int32 tensor.
   */
  public List<Tensor> getInitialState(Tensor batchSize) {
    Ops ops = ops();
    List<Tensor> out = new ArrayList<>();
    for (int size : stateSize()) {
      Tensor shape = ops.stack(List.of(batchSize, ops.constant(new int[] {size}, Shape.scalar())), 0);
      Tensor zeros = ops.fill(shape, 0f);
      // Keras: ops.zeros(..., dtype=self.compute_dtype), so a mixed policy's step gets states of its compute dtype
      out.add("float32".equals(computeDtype()) ? zeros : ops.cast(zeros, computeDtype()));
    }
    return out;
  }

  /**
   * Prepares what the steps use but must not create inside the loop (Keras' {@code RNN._maybe_config_dropout_masks}),
   * before the loop: {@code stepInput} is the first step's input, {@code states} the initial states. By default
   * nothing.
   */
  protected void beforeLoop(Tensor stepInput, List<Tensor> states, boolean training) {}

  /**
   * The part of every step that depends on the inputs alone, computed for the whole sequence before the loop
   * ((batch, time, features) in, (batch, time, ...) out; or time-major, (time, batch, ...), when the layer's loop
   * asks so), or null when the cell has none; the loop then runs {@link #callProjected} on its time steps. Keras
   * computes this part inside each step; taking it out of the loop gives the same numbers with one large matrix
   * product instead of one per step, forward and backward. By default null.
   */
  protected Tensor projectSequence(Tensor sequences, boolean training) {
    return null;
  }

  /**
   * Whether {@link #projectSequence} gives a projection of {@code sequences} (not null); the sequences may then be
   * given to it time-major, (time, batch, features). By default false.
   */
  protected boolean projectsSequence(Tensor sequences, boolean training) {
    return false;
  }

  /**
   * Whether this call's steps compute each row of the batch from that row alone (its inputs and states, the weights),
   * which lets the backend run parts of a wide batch as independent loops ({@link io.keras4j.backend.RnnStep#rowwise}).
   * By default false; keras4j's own cells are, without dropout masks. A subclass whose step mixes rows (a batch
   * statistic, say) must answer false.
   */
  protected boolean rowwise(boolean training) {
    return false;
  }

  /** One step from a time step of {@link #projectSequence}'s result; only called when that is not null. */
  protected RnnStep.Output callProjected(Tensor projected, List<Tensor> states, boolean training) {
    throw new UnsupportedOperationException("Layer '" + name() + "' projects no sequence");
  }

  /**
   * The vector-Jacobian product of {@link #callProjected} written by hand (see {@link RnnStep#vjp}): the gradients of
   * the projected inputs, of the states before the step and of the weights it read, given those of the output and
   * new states; or null (the default) to let the backend differentiate the step. {@code saved} are the tensors
   * {@link #callProjected} saved at that step ({@link RnnStep.Output#saved}), empty when it saved none.
   */
  protected RnnStep.Vjp callProjectedVjp(Tensor projected, List<Tensor> states, List<Tensor> saved, Tensor dOutput,
      List<Tensor> dStates, boolean training) {
    return null;
  }

  /** Forgets what {@link #beforeLoop} prepared, after the loop (Keras' {@code _maybe_reset_dropout_masks}). */
  protected void afterLoop() {}

  /**
   * What this call's steps read besides their arguments (the dropout masks {@link #beforeLoop} drew), or null. The
   * layer hands it back ({@link #withLoopState}) whenever a step of the call is traced, also after {@link #afterLoop}:
   * a training graph traces the steps again for their gradients once the layer's call has returned, maybe after
   * another call of the layer drew other masks. By default null.
   */
  protected Object loopState() {
    return null;
  }

  /** Makes {@code state} (from {@link #loopState}, or null for none) what this cell's steps read. */
  protected void restoreLoopState(Object state) {}

  /** {@code body}'s result with the cell's steps reading {@code state}; the cell's own state is put back after. */
  final <R> R withLoopState(Object state, java.util.function.Supplier<R> body) {
    Object before = loopState();
    restoreLoopState(state);
    try {
      return body.get();
    } finally {
      restoreLoopState(before);
    }
  }

  /** Builds the cell for steps of {@code stepInputShape} (batch, features) unless it is built. */
  final void buildCell(Shape stepInputShape) {
    if (!built()) {
      build(List.of(stepInputShape));
      markBuilt(List.of(stepInputShape));
    }
  }

  /** Called alone, as Keras' {@code cell(inputs, states)}: inputs then states in, output then new states out. */
  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    if (inputs.size() != 1 + stateSize().length) {
      throw new IllegalArgumentException("Cell '" + name() + "' expects the inputs and " + stateSize().length
          + " states. Received: " + inputs.size() + " tensors");
    }
    RnnStep.Output out = call(inputs.get(0), inputs.subList(1, inputs.size()), training);
    List<Tensor> result = new ArrayList<>();
    result.add(out.output());
    for (Tensor state : out.states()) {
      result.add(ops().identity(state)); // a tensor of its own: a state may be the output
    }
    return result;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    build(inputShapes.get(0));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    long batch = in.get(0).get(0);
    List<Shape> out = new ArrayList<>();
    out.add(Shape.of(batch, outputSize()));
    for (int size : stateSize()) {
      out.add(Shape.of(batch, size));
    }
    return out;
  }
}
