package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras' {@code evaluate(steps=)}, {@code fit(validation_steps=, validation_batch_size=)}: the first batches only,
 * from the data's start each time, as Keras 3.15.1 reads them ({@code tools/keras-reference/epoch_steps.txt}); values
 * checked against the mean squared error worked out from the predictions.
 */
class EvaluateStepsTest {
  private static final float[][] X = FitLoopTest.X;
  private static final float[] Y = FitLoopTest.Y;

  /** The mean squared error of {@code m} over the first {@code samples} samples, in plain Java. */
  private static double mse(Model m, int samples) {
    float[][] p = m.predict(X).toFloat2D();
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      double d = p[i][0] - Y[i];
      sum += d * d;
    }
    return sum / samples;
  }

  /** A callback that lists the test batches it sees. */
  private static Callback counting(List<Integer> batches) {
    return new Callback() {
      @Override
      public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        batches.add(batch);
      }
    };
  }

  @Test
  void evaluateStepsTakesTheFirstBatches() {
    try (Sequential m = FitLoopTest.model(1)) {
      double first8 = mse(m, 8);
      assertEquals(first8, m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(2)).get("loss"), 1e-6);
      assertEquals(first8, m.evaluate(Dataset.fromArrays(X, Y, 4, false, null), new EvaluateOptions().steps(2))
          .get("loss"), 1e-6, "a Dataset's first two batches");
      // more steps than batches: every batch (Keras warns that the input ran out); 0 reads as every batch
      assertEquals(mse(m, 40), m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(25)).get("loss"), 1e-6);
      assertEquals(mse(m, 40), m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(0)).get("loss"), 1e-6);
    }
  }

  /** As Keras resets its cached evaluation iterator before each validation: the same first batches each epoch. */
  @Test
  void validationStepsValidateOnTheFirstBatchesEachEpoch() {
    try (Sequential m = FitLoopTest.model(1)) {
      List<Integer> testBatches = new ArrayList<>();
      History h = m.fit(X, Y, new FitOptions().epochs(2).batchSize(4).shuffle(false).verbose(0)
          .validationData(X, Y).validationSteps(3).validationBatchSize(5).callbacks(counting(testBatches)));
      assertEquals(List.of(0, 1, 2, 0, 1, 2), testBatches);
      assertEquals(mse(m, 15), h.history().get("val_loss").get(1), 1e-6, "3 batches of 5: the first 15 samples");
    }
  }

  @Test
  void aValidationBatchSizeAloneSetsTheValidationBatches() {
    try (Sequential m = FitLoopTest.model(1)) {
      List<Integer> testBatches = new ArrayList<>();
      m.fit(X, Y, new FitOptions().epochs(1).batchSize(4).verbose(0).validationData(X, Y).validationBatchSize(16)
          .callbacks(counting(testBatches)));
      assertEquals(List.of(0, 1, 2), testBatches, "40 samples by 16");
    }
  }

  @Test
  void negativeCountsAreRefusedWithKerasNames() {
    assertEquals("steps must be a positive integer, 0 or null. Received: steps=-2", assertThrows(
        IllegalArgumentException.class, () -> new EvaluateOptions().steps(-2)).getMessage());
    assertEquals("validation_steps must be a positive integer, 0 or null. Received: validation_steps=-1",
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSteps(-1)).getMessage());
    assertEquals("validation_batch_size must be positive. Received: validation_batch_size=0", assertThrows(
        IllegalArgumentException.class, () -> new FitOptions().validationBatchSize(0)).getMessage());
  }
}
