package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The Gated Recurrent Unit layer (Cho et al., 2014).
 *
 * <p>Keras equivalent: {@code keras.layers.GRU(units, activation="tanh", recurrent_activation="sigmoid",
 * use_bias=True, ..., dropout=0.0, recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
 * go_backwards=False, stateful=False, unroll=False, reset_after=True, use_cudnn="auto")}
 * (keras/src/layers/rnn/gru.py), an {@link RNN} over a {@link GRUCell}: weights kernel (input_dim, 3 * units),
 * recurrent_kernel (units, 3 * units), gates z, r, h; bias (2, 3 * units) with reset_after, else (3 * units,).
 * <pre>{@code model.add(new GRU(32));}</pre>
 * See {@link BaseRNN} for the options, initial states and masks. Porting note: {@code use_cudnn} is accepted and
 * recorded; keras4j always runs the generic loop.
 */
public class GRU extends BaseCellRNN<GRU, GRUCell> {
  private Object useCudnn = "auto";

  /** A layer of {@code units} outputs. */
  public GRU(int units) {
    super(new GRUCell(units).name("gru_cell"));
  }

  /** Sets the gates' activation by name (Keras' {@code recurrent_activation=}). Default "sigmoid". */
  public GRU recurrentActivation(String recurrentActivation) {
    cell().recurrentActivation(recurrentActivation);
    return this;
  }

  /** Sets the gates' activation (Keras' {@code recurrent_activation=}). Default sigmoid. */
  public GRU recurrentActivation(io.keras4j.activations.ActivationFunction recurrentActivation) {
    cell().recurrentActivation(recurrentActivation);
    return this;
  }

  /** Sets whether the reset gate applies after the recurrent product (Keras' {@code reset_after=}). Default true. */
  public GRU resetAfter(boolean resetAfter) {
    cell().resetAfter(resetAfter);
    return this;
  }

  /** Sets the cell's layout, 1 or 2 (Keras' {@code implementation=}); not in the config. Default 2. */
  public GRU implementation(int implementation) {
    cell().implementation(implementation);
    return this;
  }

  /** Sets Keras' {@code use_cudnn=} ("auto"); keras4j accepts it and runs the generic loop. Default "auto". */
  public GRU useCudnn(String useCudnn) {
    this.useCudnn = LSTM.checkUseCudnn(name(), useCudnn);
    return this;
  }

  /** Sets Keras' {@code use_cudnn=} (true or false); keras4j accepts it and runs the generic loop. Default "auto". */
  public GRU useCudnn(boolean useCudnn) {
    this.useCudnn = useCudnn;
    return this;
  }

  public Object useCudnn() {
    return useCudnn;
  }

  /** A GRU from its Keras config ({@code implementation} and {@code use_cudnn} accepted). */
  public static GRU fromConfig(Map<String, Object> config) {
    Config c = new Config("GRU", config);
    GRU layer = new GRU(c.integer("units"));
    GRUCell.read(layer.cell(), c);
    if (c.get("use_cudnn") instanceof Boolean b) {
      layer.useCudnn(b.booleanValue());
    } else if (c.has("use_cudnn")) {
      layer.useCudnn(String.valueOf(c.get("use_cudnn")));
    }
    return readLayerConfig(layer, c);
  }
}
