package io.keras4j.backend;

import java.util.List;

/**
 * A function traced once into the graph and called many times.
 *
 * <p>Keras equivalent: a {@code tf.function} such as the train step. Each call feeds its inputs, runs the outputs
 * and every update (variable assignment) recorded while tracing, in one engine call.
 */
public interface TracedFunction {
  /** The placeholders, in the order {@link #call} takes their values. */
  List<Tensor> inputs();

  /** The traced outputs, in the order {@link #call} returns them. */
  List<Tensor> outputs();

  /** Feeds {@code feeds}, runs the updates, returns the outputs (close them). */
  List<NativeArray> call(List<NativeArray> feeds);

  /** Feeds {@code feeds} and runs the updates, fetching only output {@code fetch} indices (may be empty). */
  List<NativeArray> call(List<NativeArray> feeds, int... fetch);
}
