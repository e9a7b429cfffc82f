package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A 1-D convolutional LSTM over inputs (batch, time, steps, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.ConvLSTM1D(filters, kernel_size, strides=1, padding="valid",
 * activation="tanh", recurrent_activation="sigmoid", return_sequences=False, ...)}
 * (keras/src/layers/rnn/conv_lstm1d.py); see {@link ConvLSTM} for the computation and the weights.
 * <pre>{@code new ConvLSTM1D(8, 3).returnSequences(true)}</pre>
 * gives (batch, steps', 8).
 */
public class ConvLSTM1D extends ConvLSTM<ConvLSTM1D> {
  /** A convolutional LSTM of {@code filters} output channels and a kernel of {@code kernelSize} (one int or 1). */
  public ConvLSTM1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /** A ConvLSTM1D layer from its Keras config. */
  public static ConvLSTM1D fromConfig(Map<String, Object> config) {
    Config c = new Config("ConvLSTM1D", config);
    return new ConvLSTM1D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
