package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnResult;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import io.keras4j.saving.NestedSaveables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of {@link ConvLSTM1D}, {@link ConvLSTM2D} and {@link ConvLSTM3D}: an LSTM whose gates are convolutions,
 * run over the time axis of inputs {@code (batch, time, spatial..., channels)}.
 *
 * <p>Keras equivalent: {@code keras.src.layers.rnn.conv_lstm.ConvLSTM}, an {@code RNN} of a {@link ConvLSTMCell}.
 * The output is the last step's {@code h} {@code (batch, spatial'..., filters)}, or every step's with
 * {@code return_sequences}; {@code return_state} adds the final {@code h} and {@code c}. Initial states, when given,
 * are the inputs after the sequence (Keras' {@code initial_state=[h, c]}); otherwise zeros. A mask
 * {@code (batch, time)} on the input skips steps as in Keras' {@code RNN}; the output mask is the input mask with
 * {@code return_sequences}, none otherwise. The recurrence runs through {@link Ops#rnn}.
 * Porting note: inputs are channels-last only, and {@code stateful=True} is refused for now.
 *
 * @param <T> the concrete layer
 */
public abstract class ConvLSTM<T extends ConvLSTM<T>> extends BaseConvLSTM<T> implements NestedSaveables {
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private boolean unroll;
  private boolean zeroOutputForMask;

  /** A convolutional LSTM over {@code rank} spatial axes with {@code filters} output channels. */
  protected ConvLSTM(int rank, int filters, int... kernelSize) {
    super(rank, filters, kernelSize);
  }

  /** Keras saves the cell's weights under {@code <path>/cell} in a {@code .keras} file. */
  @Override
  public Map<String, Object> nestedSaveables() {
    return Map.of("cell", cell);
  }

  // ---- the RNN's arguments ----

  /** Sets whether the output holds every step or the last one (Keras' {@code return_sequences=}). Default false. */
  public T returnSequences(boolean returnSequences) {
    checkNotBuilt("return_sequences");
    this.returnSequences = returnSequences;
    return self();
  }

  /** Sets whether the final states h and c follow the output (Keras' {@code return_state=}). Default false. */
  public T returnState(boolean returnState) {
    checkNotBuilt("return_state");
    this.returnState = returnState;
    return self();
  }

  /** Sets whether the steps run from the last to the first (Keras' {@code go_backwards=}). Default false. */
  public T goBackwards(boolean goBackwards) {
    checkNotBuilt("go_backwards");
    this.goBackwards = goBackwards;
    return self();
  }

  /** Keras' {@code stateful=}; only false (the default) is supported for now. */
  public T stateful(boolean stateful) {
    if (stateful) {
      throw new IllegalArgumentException("Layer '" + name() + "': stateful=True is not supported for ConvLSTM layers "
          + "yet. Expected stateful=False. Received: stateful=True");
    }
    return self();
  }

  /** Sets whether the loop is unrolled, one copy of the step per time step (Keras' {@code unroll=}). Default false. */
  public T unroll(boolean unroll) {
    checkNotBuilt("unroll");
    this.unroll = unroll;
    return self();
  }

  /**
   * Sets whether masked steps output zeros instead of the previous output (Keras' {@code zero_output_for_mask=}).
   * Default false.
   */
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
    return false;
  }

  public boolean unroll() {
    return unroll;
  }

  public boolean zeroOutputForMask() {
    return zeroOutputForMask;
  }

  // ---- building and calling ----

  /** The input shape of one step, (batch, spatial..., channels), checked as Keras' ConvLSTMCell.build does. */
  private Shape stepShape(Shape sequences) {
    if (sequences.rank() != cell.rank + 3) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected ndim=" + (cell.rank + 3) + ", found ndim=" + sequences.rank() + ". Full shape received: "
          + sequences);
    }
    long[] d = sequences.dims();
    for (int i = 2; i < d.length - 1; i++) {
      if (d[i] < 0) {
        throw new IllegalArgumentException("ConvLSTM layers only support static input shapes for the spatial "
            + "dimension. Received invalid input shape: input_shape=" + sequences + " (layer '" + name() + "')");
      }
    }
    if (d[d.length - 1] < 0) {
      throw new IllegalArgumentException("The channel dimension of the inputs (last axis) should be defined. Found "
          + "None. Full input shape received: input_shape=" + sequences + " (layer '" + name() + "')");
    }
    long[] step = new long[d.length - 1];
    step[0] = d[0];
    System.arraycopy(d, 2, step, 1, d.length - 2);
    return Shape.of(step);
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    Shape step = stepShape(inputShapes.get(0));
    if (!cell.built()) {
      cell.build(List.of(step));
      cell.markBuilt(List.of(step));
    }
  }

  /** The shape of h and c: (batch, output spatial..., filters). */
  private Shape stateShape(Shape sequences) {
    Shape step = stepShape(sequences);
    long[] spatial = cell.outputSpatial(step);
    long[] s = new long[cell.rank + 2];
    s[0] = sequences.get(0);
    System.arraycopy(spatial, 0, s, 1, cell.rank);
    s[cell.rank + 1] = cell.filters;
    return Shape.of(s);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    Shape seq = inputShapes.get(0);
    Shape state = stateShape(seq);
    List<Shape> out = new ArrayList<>();
    if (returnSequences) {
      long[] s = new long[state.rank() + 1];
      s[0] = state.get(0);
      s[1] = seq.get(1);
      System.arraycopy(state.dims(), 1, s, 2, state.rank() - 1);
      out.add(Shape.of(s));
    } else {
      out.add(state);
    }
    if (returnState) {
      out.add(state);
      out.add(state);
    }
    return out;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
    Ops ops = ops();
    Tensor sequences = inputs.get(0);
    List<Tensor> initial = new ArrayList<>(inputs.subList(1, inputs.size()));
    if (initial.isEmpty()) {
      Tensor zeros = zeroState(ops, sequences);
      initial = List.of(zeros, zeros);
    } else if (initial.size() != 2) {
      throw new IllegalArgumentException("Layer '" + name() + "' has 2 states (h, c). Received: initial_state of "
          + initial.size() + " tensors");
    }
    // Keras draws the masks before the loop (RNN._maybe_config_dropout_masks), in training or not
    Tensor[] inputMasks = cell.dropoutMasks(ops, firstStep(ops, sequences), cell.dropout);
    Tensor[] stateMasks = cell.dropoutMasks(ops, initial.get(0), cell.recurrentDropout);
    Tensor[] dp = training ? inputMasks : null;
    Tensor[] rdp = training ? stateMasks : null;
    RnnStep step = (xs, states) -> cell.step(Backend.ops(), xs.get(0), states.get(0), states.get(1), dp, rdp);
    RnnResult r = ops.rnn(dp == null && rdp == null ? RnnStep.rowwise(step) : step, List.of(sequences), initial,
        masks.get(0), goBackwards, unroll, zeroOutputForMask, returnSequences);
    List<Tensor> out = new ArrayList<>();
    List<Shape> shapes = computeOutputShapes(List.of(sequences.shape()), List.of(dtype()));
    out.add(withStaticShape(ops, returnSequences ? r.outputs() : r.lastOutput(), shapes.get(0)));
    if (returnState) {
      for (Tensor state : r.states()) {
        out.add(ops.identity(state)); // a tensor of its own: h is also the output
      }
    }
    return out;
  }

  /** {@code x} with the static sizes of {@code expected} past the batch (the loop's outputs may lack them). */
  private static Tensor withStaticShape(Ops ops, Tensor x, Shape expected) {
    long[] want = expected.dims();
    if (x.shape().equals(expected) || java.util.Arrays.stream(want, 1, want.length).anyMatch(v -> v < 0)) {
      return x;
    }
    want[0] = -1;
    return ops.reshape(x, want);
  }

  /** {@code x[:, 0]}, the shape of one step's input. */
  private static Tensor firstStep(Ops ops, Tensor x) {
    int[] begin = new int[x.rank()];
    int[] size = new int[x.rank()];
    java.util.Arrays.fill(size, -1);
    size[1] = 1;
    return ops.squeeze(ops.slice(x, begin, size), 1);
  }

  /** Zeros of the state's shape, the batch size taken from {@code sequences}. */
  private Tensor zeroState(Ops ops, Tensor sequences) {
    Shape state = stateShape(sequences.shape());
    int[] rest = new int[state.rank() - 1];
    for (int i = 0; i < rest.length; i++) {
      rest[i] = (int) state.get(i + 1);
    }
    Tensor batch = ops.reshape(ops.dimension(sequences, 0), 1);
    Tensor shape = ops.concatenate(List.of(batch, ops.constant(rest, Shape.of(rest.length))), 0);
    return ops.fill(shape, 0f);
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? masks.get(0) : null);
    if (returnState) {
      out.add(null);
      out.add(null);
    }
    return out;
  }

  // ---- config ----

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("activity_regularizer");
    c.put("return_sequences", returnSequences);
    c.put("return_state", returnState);
    c.put("go_backwards", goBackwards);
    c.put("stateful", false);
    c.put("unroll", unroll);
    c.put("zero_output_for_mask", zeroOutputForMask);
    c.put("filters", cell.filters);
    c.put("kernel_size", ConvUtils.list(cell.kernelSize));
    c.put("strides", ConvUtils.list(cell.strides));
    c.put("padding", cell.padding);
    c.put("data_format", "channels_last");
    c.put("dilation_rate", ConvUtils.list(cell.dilationRate));
    c.put("activation", cell.activation.name());
    c.put("recurrent_activation", cell.recurrentActivation.name());
    c.put("use_bias", cell.useBias);
    c.put("kernel_initializer", ser(cell.kernelInitializer));
    c.put("recurrent_initializer", ser(cell.recurrentInitializer));
    c.put("bias_initializer", ser(cell.biasInitializer));
    c.put("unit_forget_bias", cell.unitForgetBias);
    c.put("kernel_regularizer", ser(cell.kernelRegularizer));
    c.put("recurrent_regularizer", ser(cell.recurrentRegularizer));
    c.put("bias_regularizer", ser(cell.biasRegularizer));
    c.put("activity_regularizer", ser(activityRegularizer()));
    c.put("kernel_constraint", ser(cell.kernelConstraint));
    c.put("recurrent_constraint", ser(cell.recurrentConstraint));
    c.put("bias_constraint", ser(cell.biasConstraint));
    c.put("dropout", cell.dropout);
    c.put("recurrent_dropout", cell.recurrentDropout);
    c.put("seed", cell.seed);
    return c;
  }

  /** Applies the keys {@link #getConfig} writes, except filters and kernel_size, and returns this layer. */
  protected T applyConfig(Config c) {
    returnSequences(c.bool("return_sequences", false)).returnState(c.bool("return_state", false))
        .goBackwards(c.bool("go_backwards", false)).stateful(c.bool("stateful", false))
        .unroll(c.bool("unroll", false)).zeroOutputForMask(c.bool("zero_output_for_mask", false))
        .strides(c.ints("strides", new int[] {1})).padding(c.string("padding", "valid"))
        .dataFormat(c.string("data_format", "channels_last")).dilationRate(c.ints("dilation_rate", new int[] {1}))
        .activation(c.identifier("activation", "tanh"))
        .recurrentActivation(c.identifier("recurrent_activation", "sigmoid")).useBias(c.bool("use_bias", true))
        .unitForgetBias(c.bool("unit_forget_bias", true))
        .kernelRegularizer(Regularizer.get(c.get("kernel_regularizer")))
        .recurrentRegularizer(Regularizer.get(c.get("recurrent_regularizer")))
        .biasRegularizer(Regularizer.get(c.get("bias_regularizer")))
        .kernelConstraint(Constraint.get(c.get("kernel_constraint")))
        .recurrentConstraint(Constraint.get(c.get("recurrent_constraint")))
        .biasConstraint(Constraint.get(c.get("bias_constraint")))
        .dropout(c.number("dropout", 0)).recurrentDropout(c.number("recurrent_dropout", 0));
    for (String k : List.of("kernel", "recurrent", "bias")) {
      if (c.has(k + "_initializer")) {
        Initializer init = Initializers.get(c.get(k + "_initializer"));
        switch (k) {
          case "kernel" -> kernelInitializer(init);
          case "recurrent" -> recurrentInitializer(init);
          default -> biasInitializer(init);
        }
      }
    }
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      seed(seed);
    }
    return withBaseConfig(self(), c);
  }
}
