package io.keras4j.backend;

import java.util.List;

/**
 * The recurrences: a step function run over the time axis, and the fused kernels a backend may have for a layer's
 * whole recurrence.
 *
 * <p>Keras equivalent: the backend's recurrence module ({@code keras.src.backend.tensorflow.rnn}: {@code rnn},
 * {@code lstm}), which Keras' recurrent layers call. Part of {@link Ops}, which extends it: get them with
 * {@link Backend#ops()}.
 */
public interface RnnOps {
  /**
   * Runs {@code step} over the time axis (axis 1) of {@code inputs}, each (batch, time, features...), from
   * {@code initialStates} (Keras' {@code keras.ops.rnn}, the backend's {@code rnn}).
   *
   * <p>With {@code mask} (batch, time), boolean or 0/1, a masked step keeps the previous states and repeats the
   * previous output (zeros with {@code zeroOutputForMask}). With {@code goBackwards} the steps run from the last to the
   * first and the outputs come in that order. {@code unroll} builds one copy of the step per time step (a fixed number
   * of steps needed; Keras' {@code unroll=True}); otherwise the steps run in one loop whose graph does not grow with
   * the sequence length and whose gradient keras4j builds itself.
   */
  RnnResult rnn(RnnStep step, List<Tensor> inputs, List<Tensor> initialStates, Tensor mask, boolean goBackwards,
      boolean unroll, boolean zeroOutputForMask, boolean returnAllOutputs);

  /**
   * An LSTM layer's recurrence as one fused kernel, or null where the backend has none (Keras' {@code backend.lstm},
   * which the LSTM layer tries before its step loop): Keras' LSTM cell with sigmoid gates and tanh, no mask, no
   * dropout, over {@code sequences} (batch, time, features) from the states {@code h0} and {@code c0}, with weights
   * {@code kernel} (features, 4 * units), {@code recurrentKernel} (units, 4 * units) and {@code bias} (4 * units, or
   * null for none). The outputs are those of {@link #rnn}. By default none.
   */
  default RnnResult lstm(Tensor sequences, Tensor h0, Tensor c0, Tensor kernel, Tensor recurrentKernel, Tensor bias,
      boolean goBackwards, boolean returnAllOutputs) {
    return null;
  }
}
