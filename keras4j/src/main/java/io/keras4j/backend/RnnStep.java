package io.keras4j.backend;

import java.util.List;
import java.util.Map;

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

  /**
   * The step's vector-Jacobian product written by hand, or null (the default) to let the backend differentiate the
   * traced step. Given the step's inputs and states before it (as {@link #apply} takes them) and the gradients of its
   * output and of its new states, it gives the gradients of the inputs, of the states before the step and of the
   * tensors the step read from outside (weights read with {@code ops.read}); the loop's backward pass recomputes
   * what the product needs, unless the step saved it ({@link Output#saved}). A tensor the step reads that is missing
   * from {@link Vjp#captured} makes the backend fall back to its own differentiation. {@code dOutput} is null when
   * the step's output is one of its new states (the same tensor) and its gradient is already in that state's.
   *
   * <p>Porting note: Keras on TensorFlow lets {@code tf.while_loop}'s gradient differentiate the step; keras4j builds
   * the loop's backward pass itself, and a hand product (LSTMCell's, GRUCell's) needs fewer ops per step.
   */
  default Vjp vjp(List<Tensor> inputs, List<Tensor> states, Tensor dOutput, List<Tensor> dStates) {
    return null;
  }

  /**
   * {@link #vjp(List, List, Tensor, List)} given also the tensors the step saved at that time ({@link Output#saved},
   * empty when it saved none), which the product may read instead of recomputing them. By default the product
   * without them.
   */
  default Vjp vjp(List<Tensor> inputs, List<Tensor> states, List<Tensor> saved, Tensor dOutput,
      List<Tensor> dStates) {
    return vjp(inputs, states, dOutput, dStates);
  }

  /**
   * The part of every step that depends on the step's inputs alone, computed for the whole {@code sequences} before
   * the loop (one large product instead of one per step); the loop then gives the step the rows of the result. The
   * sequences are (time, batch, features...) or (batch, time, features...), whichever the backend finds cheaper, so
   * the projection must treat each (time, batch) entry alike. By default the sequences unchanged.
   *
   * <p>A {@link #rowwise} step's projection may be called once per part of the batch (consecutive rows), so it must not
   * draw random numbers or mix rows.
   *
   * <p>Porting note: Keras' cells compute their input product inside each step; keras4j's projected cells (LSTMCell,
   * GRUCell, SimpleRNNCell without input dropout) compute it here, which gives the same numbers.
   */
  default List<Tensor> project(List<Tensor> sequences) {
    return sequences;
  }

  /**
   * Whether each row of the batch is computed from that row alone: its inputs, its states and tensors that hold no
   * row (weights, constants). The backend may then run consecutive parts of a wide batch as independent loops, one
   * per core (TensorFlow: {@code RnnChains}), which compute the same up to the order of the weight gradients' sums.
   * By default false; the recurrent layers mark their own cells so ({@link #rowwise(RnnStep)}) when no dropout mask,
   * drawn for the whole batch, is in use.
   *
   * <p>Porting note: Keras has no such mark; its TensorFlow backend runs every recurrence as one loop.
   */
  default boolean rowwise() {
    return false;
  }

  /** {@code step} marked {@link #rowwise()}: each row of the batch is computed from that row alone. */
  static RnnStep rowwise(RnnStep step) {
    return new ComposedRnnStep(step, step::vjp, step::project, true);
  }

  /** {@code step} with {@code projection} as its {@link #project}. */
  static RnnStep withProjection(RnnStep step, java.util.function.UnaryOperator<List<Tensor>> projection) {
    return new ComposedRnnStep(step, step::vjp, projection, step.rowwise());
  }

  /** {@code forward} with the hand vector-Jacobian product {@code vjp} (see {@link #vjp}). */
  static RnnStep withVjp(RnnStep forward, VjpFunction vjp) {
    return new ComposedRnnStep(forward, vjp, forward::project, forward.rowwise());
  }

  /** The signature of {@link #vjp(List, List, List, Tensor, List)}. */
  @FunctionalInterface
  interface VjpFunction {
    Vjp vjp(List<Tensor> inputs, List<Tensor> states, List<Tensor> saved, Tensor dOutput, List<Tensor> dStates);
  }

  /**
   * A step's vector-Jacobian product: the gradients of its inputs and of its states before the step, in their order,
   * and those of the outside tensors it read, by tensor (as the step's {@code ops.read} returned them).
   *
   * <p>{@code capturedProducts} gives an outside tensor's gradient as a product {@code aᵀ · b} of two (batch, n)
   * tensors of the step, {@code List.of(a, b)} (a weight's share of {@code x · w}: {@code xᵀ · dz}), added to its
   * entry in {@code captured} if any. When {@code a} is a state before the step and {@code b} an input's gradient, the
   * backend sums the products of all steps as one matrix product after its backward loop (as the input kernel's
   * gradient of a projection done before the loop), instead of one product per step.
   */
  record Vjp(List<Tensor> inputs, List<Tensor> states, java.util.Map<Tensor, Tensor> captured,
      java.util.Map<Tensor, List<Tensor>> capturedProducts) {
    public Vjp {
      inputs = List.copyOf(inputs);
      states = List.copyOf(states);
      captured = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(captured));
      capturedProducts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(capturedProducts));
      for (Map.Entry<Tensor, List<Tensor>> e : capturedProducts.entrySet()) {
        if (e.getValue().size() != 2) {
          throw new IllegalArgumentException("A captured product is a pair (a, b) whose aᵀ · b is the gradient. "
              + "Received: " + e.getValue().size() + " tensors");
        }
      }
    }

    /** A product whose captured gradients are all in {@code captured}. */
    public Vjp(List<Tensor> inputs, List<Tensor> states, java.util.Map<Tensor, Tensor> captured) {
      this(inputs, states, captured, java.util.Map.of());
    }
  }

  /**
   * A step's output and its new states, in the order of the states it received, and the tensors of the step its
   * {@link #vjp(List, List, List, Tensor, List) vector-Jacobian product} reads ({@code saved}, each (batch, n); empty
   * by default). A loop whose gradient is taken keeps the saved tensors of every step (a buffer of (time, batch, n)
   * each) and gives the backward step those of its time; a loop without gradient ignores them. A step saves only what
   * its product needs, and only when training (an inference graph keeps none).
   *
   * <p>Porting note: Keras on TensorFlow has {@code tf.while_loop}'s gradient keep the step's intermediates on stacks;
   * keras4j keeps those the step names.
   */
  record Output(Tensor output, List<Tensor> states, List<Tensor> saved) {
    public Output {
      states = List.copyOf(states);
      saved = List.copyOf(saved);
    }

    /** An output that saves nothing for the vector-Jacobian product. */
    public Output(Tensor output, List<Tensor> states) {
      this(output, states, List.of());
    }
  }
}
