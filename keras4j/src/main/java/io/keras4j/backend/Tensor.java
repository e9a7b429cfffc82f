package io.keras4j.backend;

/**
 * A symbolic value in the computation graph that a layer, loss or metric computes on.
 *
 * <p>Keras equivalent: the backend tensor that {@code Layer.call} receives inside a traced function. Create and
 * combine tensors with {@link Ops} ({@code Backend.ops()}); the engine behind them is hidden.
 */
public interface Tensor {
  /** The static shape; unknown dimensions are -1. */
  Shape shape();

  /** Keras' dtype name: "float32", "int32", "int64" or "bool". */
  String dtype();

  /** The rank (number of dimensions). */
  default int rank() {
    return shape().rank();
  }
}
