package io.keras4j.backend;

import java.util.function.Supplier;

/**
 * A computation graph with its session: where a model's train, test and predict functions are traced and run.
 *
 * <p>Porting note: Keras 3 traces {@code tf.function}s; keras4j traces into one TensorFlow graph per compiled model
 * and runs it with one session. Close it to release the native graph and session.
 */
public interface ComputeGraph extends AutoCloseable {
  /**
   * Traces a function: {@code body} runs once with this graph current ({@link Backend#ops()}), creates its inputs
   * with {@link Ops#placeholder} and returns its outputs.
   */
  TracedFunction trace(Supplier<java.util.List<Tensor>> body);

  /**
   * Traces a function whose {@code body} is several independent computations side by side (the predict step traced
   * k times for steps_per_execution k): the engine may run its ops on several threads at once where that pays. By
   * default as {@link #trace}.
   */
  default TracedFunction traceIndependent(Supplier<java.util.List<Tensor>> body) {
    return trace(body);
  }

  @Override
  void close();
}
