package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Mean metrics skip the steps masked on y_pred, as Keras 3's {@code MeanMetricWrapper.update_state} does (numbers by
 * hand, and printed by Keras 3.15.1 for the same arrays).
 */
class BaseMeanTest {
  private static final float[] PRED = {1, 2, 3, 4, 5, 6};
  private static final float[] MASK = {1, 1, 0, 1, 0, 0};

  /** The result of {@code metric} after one update on y_pred (2, 3, 1) against zeros, masked by MASK. */
  private static float result(Supplier<BaseMean<?>> metric, float[] weights) {
    BaseMean<?> m = metric.get();
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction update = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor pred = ops.constant(PRED, Shape.of(2, 3, 1));
        Backend.setKerasMask(pred, ops.greater(ops.constant(MASK, Shape.of(2, 3)), ops.constant(0.5f)));
        Tensor w = weights == null ? null : ops.constant(weights, Shape.of(2, 3));
        m.updateState(ops.zerosLike(pred), pred, w);
        return List.of();
      });
      TracedFunction result = g.trace(() -> List.of(m.result()));
      update.call(List.of()).forEach(NativeArray::close);
      List<NativeArray> r = result.call(List.of());
      float v = r.get(0).toFloatArray()[0];
      r.forEach(NativeArray::close);
      return v;
    }
  }

  @Test
  void meanSquaredErrorAveragesTheKeptSteps() {
    assertArrayEquals(new float[] {7}, new float[] {result(MeanSquaredError::new, null)}, 1e-6f);
  }

  @Test
  void weightsAndMaskMultiply() {
    // weights x mask = 1, 2, 0, 0.5, 0, 0: (1 + 8 + 8) / 3.5
    assertArrayEquals(new float[] {17f / 3.5f},
        new float[] {result(MeanSquaredError::new, new float[] {1, 2, 3, 0.5f, 1, 1})}, 1e-5f);
  }

  @Test
  void accuracyCountsOnlyKeptSteps() {
    // |pred - 0| < 0.5 never holds: a plain Accuracy of 0 over the three kept steps; MAE (1 + 2 + 4) / 3
    assertArrayEquals(new float[] {7f / 3}, new float[] {result(MeanAbsoluteError::new, null)}, 1e-6f);
  }
}
