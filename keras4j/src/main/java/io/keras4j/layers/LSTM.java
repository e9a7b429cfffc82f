package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnResult;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The Long Short-Term Memory layer (Hochreiter and Schmidhuber, 1997).
 *
 * <p>Keras equivalent: {@code keras.layers.LSTM(units, activation="tanh", recurrent_activation="sigmoid",
 * use_bias=True, kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal", bias_initializer="zeros",
 * unit_forget_bias=True, ..., dropout=0.0, recurrent_dropout=0.0, seed=None, return_sequences=False,
 * return_state=False, go_backwards=False, stateful=False, unroll=False, use_cudnn="auto")}
 * (keras/src/layers/rnn/lstm.py), an {@link RNN} over an {@link LSTMCell}: weights kernel (input_dim, 4 * units),
 * recurrent_kernel (units, 4 * units), bias (4 * units,), gates i, f, c, o; states [h, c].
 * <pre>{@code model.add(new LSTM(64).returnSequences(true)); model.add(new LSTM(32));}</pre>
 * See {@link BaseRNN} for the options, initial states and masks.
 *
 * <p>Porting note: as Keras' LSTM tries its backend's fused kernel (cuDNN) before the step loop, keras4j's tries
 * TensorFlow's fused CPU kernel ({@code Ops.lstm}: {@code BlockLSTMV2}) in training, when the cell is Keras' default
 * (this class's own {@link LSTMCell}, tanh and sigmoid, float32), no mask is given, {@code unroll} is off and neither
 * {@code dropout} nor {@code recurrent_dropout} is set; {@code use_cudnn=false} keeps the step loop, as it keeps
 * Keras' off cuDNN (as in Keras, {@code use_cudnn} is not in the config: a Bidirectional's copies and a saved
 * layer have the default). The results are the loop's up to rounding; the kernel trains about twice as fast on an
 * AMD Zen 3, and predicts slower than the loop, which inference keeps (docs/recurrence.md).
 */
public class LSTM extends BaseCellRNN<LSTM, LSTMCell> {
  private Object useCudnn = "auto";

  /** A layer of {@code units} outputs. */
  public LSTM(int units) {
    super(new LSTMCell(units).name("lstm_cell"));
  }

  /** Sets the gates' activation by name (Keras' {@code recurrent_activation=}). Default "sigmoid". */
  public LSTM recurrentActivation(String recurrentActivation) {
    cell().recurrentActivation(recurrentActivation);
    return this;
  }

  /** Sets the gates' activation (Keras' {@code recurrent_activation=}). Default sigmoid. */
  public LSTM recurrentActivation(io.keras4j.activations.ActivationFunction recurrentActivation) {
    cell().recurrentActivation(recurrentActivation);
    return this;
  }

  /** Sets whether the forget gate's bias starts at 1 (Keras' {@code unit_forget_bias=}). Default true. */
  public LSTM unitForgetBias(boolean unitForgetBias) {
    cell().unitForgetBias(unitForgetBias);
    return this;
  }

  /** Sets the cell's layout, 1 or 2 (Keras' {@code implementation=}); not in the config. Default 2. */
  public LSTM implementation(int implementation) {
    cell().implementation(implementation);
    return this;
  }

  /** Sets Keras' {@code use_cudnn=} ("auto"): false keeps the step loop (see the class). Default "auto". */
  public LSTM useCudnn(String useCudnn) {
    this.useCudnn = LSTM.checkUseCudnn(name(), useCudnn);
    return this;
  }

  /** Sets Keras' {@code use_cudnn=} (true or false): false keeps the step loop (see the class). Default "auto". */
  public LSTM useCudnn(boolean useCudnn) {
    this.useCudnn = useCudnn;
    return this;
  }

  static Object checkUseCudnn(String layer, Object useCudnn) {
    if (!"auto".equals(useCudnn) && !(useCudnn instanceof Boolean)) {
      throw new IllegalArgumentException("Layer '" + layer + "': invalid value received for argument `use_cudnn`. "
          + "Expected one of {'auto', True, False}. Received: use_cudnn=" + useCudnn);
    }
    return useCudnn;
  }

  public Object useCudnn() {
    return useCudnn;
  }

  /**
   * TensorFlow's fused LSTM kernel for a training call when the cell and the options allow it (see the class); in
   * inference the step loop is faster (docs/recurrence.md).
   */
  @Override
  protected RnnResult fused(Ops ops, Tensor sequences, List<Tensor> initial, boolean training) {
    LSTMCell c = cell();
    if (!training || Boolean.FALSE.equals(useCudnn) || !c.fusable()) {
      return null;
    }
    return ops.lstm(sequences, initial.get(0), initial.get(1), ops.read(c.kernel()), ops.read(c.recurrentKernel()),
        c.useBias() ? ops.read(c.bias()) : null, goBackwards(), returnSequences());
  }

  /** An LSTM from its Keras config ({@code implementation} and {@code use_cudnn} accepted). */
  public static LSTM fromConfig(Map<String, Object> config) {
    Config c = new Config("LSTM", config);
    LSTM layer = new LSTM(c.integer("units"));
    LSTMCell.read(layer.cell(), c);
    if (c.get("use_cudnn") instanceof Boolean b) {
      layer.useCudnn(b.booleanValue());
    } else if (c.has("use_cudnn")) {
      layer.useCudnn(String.valueOf(c.get("use_cudnn")));
    }
    return readLayerConfig(layer, c);
  }
}
