package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A fully connected recurrent layer: {@code h_t = activation(x_t . kernel + h_{t-1} . recurrent_kernel + bias)}.
 *
 * <p>Keras equivalent: {@code keras.layers.SimpleRNN(units, activation="tanh", use_bias=True, ..., dropout=0.0,
 * recurrent_dropout=0.0, return_sequences=False, return_state=False, go_backwards=False, stateful=False,
 * unroll=False, seed=None)} (keras/src/layers/rnn/simple_rnn.py), an {@link RNN} over a {@link SimpleRNNCell}.
 * <pre>{@code model.add(new SimpleRNN(32).returnSequences(true));}</pre>
 * See {@link BaseRNN} for the options, initial states and masks. Porting note: as in Keras 3.15.1 the layer's config
 * leaves out {@code seed}, so a SimpleRNN read from a file draws new dropout masks; {@code RNN(SimpleRNNCell)} keeps it.
 */
public class SimpleRNN extends BaseCellRNN<SimpleRNN, SimpleRNNCell> {

  /** A layer of {@code units} outputs. */
  public SimpleRNN(int units) {
    super(new SimpleRNNCell(units).name("simple_rnn_cell"));
  }

  /** Keras' config; like Keras 3.15.1's SimpleRNN.get_config it has no {@code seed} (the cell's config has). */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("seed");
    return c;
  }

  /** A SimpleRNN from its Keras config. */
  public static SimpleRNN fromConfig(Map<String, Object> config) {
    Config c = new Config("SimpleRNN", config);
    SimpleRNN layer = new SimpleRNN(c.integer("units"));
    BaseRNNCell.readCommon(layer.cell(), c);
    return readLayerConfig(layer, c);
  }
}
