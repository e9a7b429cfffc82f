package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A 2-D convolutional LSTM over inputs (batch, time, rows, cols, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.ConvLSTM2D(filters, kernel_size, strides=1, padding="valid",
 * activation="tanh", recurrent_activation="sigmoid", return_sequences=False, ...)}
 * (keras/src/layers/rnn/conv_lstm2d.py); see {@link ConvLSTM} for the computation and the weights.
 * <pre>{@code new ConvLSTM2D(16, 3).padding("same").returnSequences(true)}</pre>
 * gives (batch, time, rows, cols, 16).
 */
public class ConvLSTM2D extends ConvLSTM<ConvLSTM2D> {
  /** A convolutional LSTM of {@code filters} output channels and a kernel of {@code kernelSize} (one int or 2). */
  public ConvLSTM2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /** A ConvLSTM2D layer from its Keras config. */
  public static ConvLSTM2D fromConfig(Map<String, Object> config) {
    Config c = new Config("ConvLSTM2D", config);
    return new ConvLSTM2D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
