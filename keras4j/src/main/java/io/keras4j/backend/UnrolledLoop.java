package io.keras4j.backend;

import java.util.List;
import java.util.function.Function;

/**
 * {@link Ops#repeat} unrolled: one copy of the body per iteration, each traced after the previous copies' updates,
 * written with any engine's {@link Ops}.
 *
 * <p>Keras equivalent: what {@code steps_per_execution} unrolls to when a loop is not available; Keras 3 on
 * TensorFlow runs the steps in a {@code tf.while_loop} instead.
 */
public final class UnrolledLoop {
  private UnrolledLoop() {}

  /** The last of {@code count} copies of {@code body}'s results, each copy given its index as an int32 scalar. */
  public static List<Tensor> run(Ops ops, int count, Function<Tensor, List<Tensor>> body) {
    if (count < 1) {
      throw new IllegalArgumentException("A loop runs at least once. Received: count=" + count);
    }
    List<Tensor> results = body.apply(index(ops, 0));
    for (int i = 1; i < count; i++) {
      final int step = i;
      results = ops.afterUpdates(() -> body.apply(index(ops, step)));
    }
    return results;
  }

  private static Tensor index(Ops ops, int i) {
    return ops.constant(new int[] {i}, Shape.scalar());
  }
}
