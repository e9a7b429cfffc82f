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

  @Override
  void close();
}
