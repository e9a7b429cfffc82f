package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * A 3-D convolutional LSTM over inputs (batch, time, depth, rows, cols, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.ConvLSTM3D(filters, kernel_size, strides=1, padding="valid",
 * activation="tanh", recurrent_activation="sigmoid", return_sequences=False, ...)}
 * (keras/src/layers/rnn/conv_lstm3d.py); see {@link ConvLSTM} for the computation and the weights.
 * <pre>{@code new ConvLSTM3D(4, 3)}</pre>
 * gives (batch, depth', rows', cols', 4).
 */
public class ConvLSTM3D extends ConvLSTM<ConvLSTM3D> {
  /** A convolutional LSTM of {@code filters} output channels and a kernel of {@code kernelSize} (one int or 3). */
  public ConvLSTM3D(int filters, int... kernelSize) {
    super(3, filters, kernelSize);
  }

  /** A ConvLSTM3D layer from its Keras config. */
  public static ConvLSTM3D fromConfig(Map<String, Object> config) {
    Config c = new Config("ConvLSTM3D", config);
    return new ConvLSTM3D(c.integer("filters"), c.ints("kernel_size", null)).applyConfig(c);
  }
}
