package io.keras4j.backend;

import java.util.List;

/**
 * What {@link Ops#rnn} returns: the last step's output, every step's output, and the final states.
 *
 * <p>Keras equivalent: the {@code (last_output, outputs, new_states)} tuple of {@code keras.ops.rnn}.
 *
 * @param lastOutput the output of the last step processed, (batch, units...)
 * @param outputs every step's output, (batch, time, units...), in the order the steps ran (reversed in time with
 *     {@code goBackwards}), or the last output alone, (batch, 1, units...), without {@code returnAllOutputs}
 * @param states the states after the last step
 */
public record RnnResult(Tensor lastOutput, Tensor outputs, List<Tensor> states) {
  public RnnResult {
    states = List.copyOf(states);
  }
}
