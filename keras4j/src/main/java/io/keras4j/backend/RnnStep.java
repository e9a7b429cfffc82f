package io.keras4j.backend;

import java.util.List;

/**
 * One time step of a recurrence: the inputs at step t and the states before it give the step's output and the new
 * states.
 *
 * <p>Keras equivalent: the {@code step_function(inputs, states)} of {@code keras.ops.rnn} (the backend's
 * {@code rnn}), which returns {@code (output, new_states)}. Inside the step, {@link Backend#ops()} are the operations
 * of the loop's body; the step reads variables with {@code ops.read} and may use tensors computed before the loop
 * (a dropout mask, say), but must not create variables, assign them or draw random numbers.
 */
@FunctionalInterface
public interface RnnStep {
  /** The output and new states at one step; {@code inputs} are each (batch, features...) at that step. */
  Output apply(List<Tensor> inputs, List<Tensor> states);

  /** A step's output and its new states, in the order of the states it received. */
  record Output(Tensor output, List<Tensor> states) {
    public Output {
      states = List.copyOf(states);
    }
  }
}
