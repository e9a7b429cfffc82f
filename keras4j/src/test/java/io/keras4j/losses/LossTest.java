package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mask attached to y_pred leaves masked entries out of a loss, as Keras 3's {@code Loss.__call__} does. Numbers by
 * hand (and printed by Keras 3.15.1 for the same arrays): squared errors 1, 4, 9, 16, 25, 36 with mask
 * [[1, 1, 0], [1, 0, 0]] keep 1, 4 and 16.
 */
class LossTest {
  private static final float[] PRED = {1, 2, 3, 4, 5, 6};
  private static final float[] MASK = {1, 1, 0, 1, 0, 0};

  /** MSE of y_pred (2, 3, 1) against zeros, y_pred masked by MASK when {@code masked}, with optional weights. */
  private static float[] mse(String reduction, boolean masked, float[] weights) {
    List<float[]> values = weights == null ? List.of(PRED, MASK) : List.of(PRED, MASK, weights);
    List<Shape> shapes = weights == null ? List.of(Shape.of(2, 3, 1), Shape.of(2, 3))
        : List.of(Shape.of(2, 3, 1), Shape.of(2, 3), Shape.of(2, 3));
    return GraphFixture.eval(values, shapes, in -> {
      Ops ops = Backend.ops();
      Tensor pred = ops.multiply(in.get(0), ops.constant(1f));
      if (masked) {
        Backend.setKerasMask(pred, ops.greater(in.get(1), ops.constant(0.5f)));
      }
      Tensor sw = weights == null ? null : in.get(2);
      return List.of(new MeanSquaredError().reduction(reduction).apply(ops.zerosLike(pred), pred, sw));
    }).get(0);
  }

  @Test
  void sumOverBatchSizeAveragesTheKeptEntriesOnly() {
    assertArrayEquals(new float[] {7}, mse("sum_over_batch_size", true, null), 1e-6f); // (1 + 4 + 16) / 3
    assertArrayEquals(new float[] {91f / 6}, mse("sum_over_batch_size", false, null), 1e-6f);
  }

  @Test
  void otherReductionsDropTheMaskedEntries() {
    assertArrayEquals(new float[] {21}, mse("sum", true, null), 1e-6f);
    assertArrayEquals(new float[] {7}, mse("mean", true, null), 1e-6f);
    assertArrayEquals(new float[] {7}, mse("mean_with_sample_weight", true, null), 1e-6f);
    assertArrayEquals(new float[] {1, 4, 0, 16, 0, 0}, mse("none", true, null), 1e-6f);
  }

  @Test
  void sampleWeightsMultiplyTheMask() {
    // kept entries weigh total/valid = 2: (1*1 + 4*2 + 16*0.5) * 2 / 6
    assertArrayEquals(new float[] {17f / 3}, mse("sum_over_batch_size", true, new float[] {1, 2, 3, 0.5f, 1, 1}),
        1e-6f);
  }
}
